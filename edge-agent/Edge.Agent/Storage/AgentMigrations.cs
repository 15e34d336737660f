using Edge.Storage;

namespace Edge.Agent.Storage;

/// <summary>The agent's schema. Shipped steps never change: add a new one.</summary>
internal static class AgentMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "members, presence, offers, coupons, ledger, outbox", """
            CREATE TABLE members(
                member_id TEXT PRIMARY KEY,
                first_name TEXT NOT NULL,
                tier TEXT NOT NULL,
                consent_presence INTEGER NOT NULL,
                consent_screens INTEGER NOT NULL,
                consent_alerts INTEGER NOT NULL,
                consent_profiling INTEGER NOT NULL,
                interests TEXT NOT NULL,
                pin_hash TEXT,
                phone_hash TEXT,
                key_cipher BLOB,
                points INTEGER NOT NULL DEFAULT 0,
                seq INTEGER NOT NULL);
            CREATE INDEX members_phone ON members(phone_hash);
            CREATE TABLE member_sync(id INTEGER PRIMARY KEY CHECK (id = 1), last_seq INTEGER NOT NULL);
            INSERT INTO member_sync(id, last_seq) VALUES (1, 0);
            CREATE TABLE revoked_members(member_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, revoked_at TEXT NOT NULL);
            CREATE TABLE presence(
                event_id TEXT PRIMARY KEY,
                member_id TEXT NOT NULL,
                zone TEXT NOT NULL,
                kind TEXT NOT NULL,
                occurred_at TEXT NOT NULL);
            CREATE INDEX presence_member ON presence(member_id);
            CREATE INDEX presence_time ON presence(occurred_at);
            CREATE TABLE decisions(
                trigger_id TEXT PRIMARY KEY,
                member_id TEXT NOT NULL,
                decided_at TEXT NOT NULL,
                source TEXT NOT NULL,
                control INTEGER NOT NULL,
                coupon_id TEXT,
                detail TEXT NOT NULL);
            CREATE TABLE coupons(
                coupon_id TEXT PRIMARY KEY,
                offer_id TEXT NOT NULL,
                member_id TEXT NOT NULL,
                issued_at TEXT NOT NULL,
                issued_day TEXT NOT NULL,
                valid_until TEXT NOT NULL,
                status TEXT NOT NULL,
                decided_by TEXT NOT NULL,
                probability REAL,
                zone TEXT);
            CREATE INDEX coupons_member ON coupons(member_id, issued_at);
            CREATE INDEX coupons_offer_day ON coupons(offer_id, issued_day);
            CREATE TABLE redemptions(
                coupon_id TEXT PRIMARY KEY,
                pos_txn_id TEXT NOT NULL,
                member_id TEXT NOT NULL,
                redeemed_at TEXT NOT NULL);
            CREATE TABLE receipts(
                txn_id TEXT PRIMARY KEY,
                member_id TEXT,
                occurred_at TEXT NOT NULL,
                total REAL NOT NULL,
                stamps_added INTEGER NOT NULL,
                points_added INTEGER NOT NULL);
            CREATE TABLE member_stats(
                member_id TEXT PRIMARY KEY,
                lines INTEGER NOT NULL,
                spend REAL NOT NULL,
                departments TEXT NOT NULL);
            CREATE TABLE punch_cards(
                member_id TEXT NOT NULL,
                card_id TEXT NOT NULL,
                stamps INTEGER NOT NULL,
                completed INTEGER NOT NULL,
                PRIMARY KEY (member_id, card_id));
            CREATE TABLE pending_points(member_id TEXT PRIMARY KEY, points INTEGER NOT NULL);
            CREATE TABLE outbox(
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                message_id TEXT NOT NULL UNIQUE,
                stream TEXT NOT NULL,
                occurred_at TEXT NOT NULL,
                payload BLOB NOT NULL,
                published INTEGER NOT NULL DEFAULT 0);
            CREATE INDEX outbox_pending ON outbox(published, id);
            """),
    ];
}
