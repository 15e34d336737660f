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
        new(3, "staff alerts, clerks, punch-card days, points ledger, purchases", """
            CREATE TABLE clerks(
                clerk_id TEXT PRIMARY KEY,
                on_shift INTEGER NOT NULL,
                busy INTEGER NOT NULL,
                zone TEXT,
                updated_at TEXT NOT NULL);
            CREATE TABLE staff_alerts(
                alert_id TEXT PRIMARY KEY,
                member_id TEXT,
                member_ref TEXT NOT NULL,
                zone TEXT NOT NULL,
                clerk_id TEXT NOT NULL,
                escalation INTEGER NOT NULL,
                status TEXT NOT NULL,
                created_at TEXT NOT NULL,
                hour TEXT NOT NULL,
                claim_by TEXT NOT NULL,
                offered TEXT NOT NULL,
                content TEXT,
                closed_at TEXT,
                claimed_by TEXT,
                seconds_to_claim REAL);
            CREATE INDEX staff_alerts_open ON staff_alerts(status, claim_by);
            CREATE INDEX staff_alerts_member ON staff_alerts(member_ref, created_at);
            CREATE INDEX staff_alerts_hour ON staff_alerts(hour);
            CREATE TABLE alert_deliveries(alert_id TEXT NOT NULL, clerk_id TEXT NOT NULL, at TEXT NOT NULL);
            CREATE INDEX alert_deliveries_clerk ON alert_deliveries(clerk_id, at);
            CREATE TABLE alert_reports(hour TEXT PRIMARY KEY, reported_at TEXT NOT NULL);
            CREATE TABLE alert_secret(id INTEGER PRIMARY KEY CHECK (id = 1), member_ref_key BLOB NOT NULL);
            INSERT INTO alert_secret(id, member_ref_key) VALUES (1, randomblob(32));
            CREATE TABLE stamp_days(
                member_id TEXT NOT NULL,
                card_id TEXT NOT NULL,
                day TEXT NOT NULL,
                stamps INTEGER NOT NULL,
                PRIMARY KEY (member_id, card_id, day));
            CREATE TABLE points_ledger(
                entry_key TEXT PRIMARY KEY,
                member_id TEXT NOT NULL,
                points INTEGER NOT NULL,
                source TEXT NOT NULL,
                day TEXT NOT NULL,
                occurred_at TEXT NOT NULL);
            CREATE INDEX points_ledger_member_day ON points_ledger(member_id, day);
            CREATE TABLE member_purchases(
                member_id TEXT NOT NULL,
                product_id TEXT NOT NULL,
                first_at TEXT NOT NULL,
                PRIMARY KEY (member_id, product_id));
            """),
    ];
}
