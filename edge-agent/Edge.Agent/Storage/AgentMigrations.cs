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
        new(2, "kiosk sessions, login lockout, QR tokens, games, product catalog, reviews", """
            CREATE TABLE kiosk_sessions(
                session_id TEXT PRIMARY KEY,
                member_id TEXT NOT NULL,
                kiosk_id TEXT NOT NULL,
                method TEXT NOT NULL,
                created_at TEXT NOT NULL,
                expires_at TEXT NOT NULL,
                last_seen_at TEXT NOT NULL,
                ended_at TEXT,
                end_reason TEXT);
            CREATE INDEX kiosk_sessions_member ON kiosk_sessions(member_id);
            CREATE TABLE login_failures(
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                kiosk_id TEXT NOT NULL,
                subject TEXT NOT NULL,
                failed_at TEXT NOT NULL);
            CREATE INDEX login_failures_kiosk ON login_failures(kiosk_id, failed_at);
            CREATE INDEX login_failures_subject ON login_failures(subject, failed_at);
            CREATE TABLE qr_tokens_used(
                token_hash TEXT PRIMARY KEY,
                member_id TEXT NOT NULL,
                kiosk_id TEXT NOT NULL,
                used_at TEXT NOT NULL);
            CREATE TABLE check_ins(
                member_id TEXT NOT NULL,
                store_day TEXT NOT NULL,
                points INTEGER NOT NULL,
                checked_in_at TEXT NOT NULL,
                PRIMARY KEY (member_id, store_day));
            CREATE TABLE prize_draws(
                draw_id TEXT PRIMARY KEY,
                game TEXT NOT NULL,
                member_id TEXT NOT NULL,
                kiosk_id TEXT NOT NULL,
                store_day TEXT NOT NULL,
                period TEXT NOT NULL,
                random_value REAL NOT NULL,
                odds REAL NOT NULL,
                won INTEGER NOT NULL,
                prize TEXT,
                prize_value REAL NOT NULL,
                pending INTEGER NOT NULL,
                budget_before REAL NOT NULL,
                budget_left REAL NOT NULL,
                segment_index INTEGER,
                outcome TEXT,
                drawn_at TEXT NOT NULL);
            CREATE INDEX prize_draws_period ON prize_draws(period, won);
            CREATE INDEX prize_draws_member ON prize_draws(member_id, game, store_day);
            CREATE TABLE products(
                product_id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                category TEXT NOT NULL,
                brand TEXT,
                price TEXT NOT NULL,
                aisle TEXT,
                specs TEXT NOT NULL,
                on_hand INTEGER NOT NULL,
                nearby TEXT NOT NULL);
            CREATE TABLE product_sync(id INTEGER PRIMARY KEY CHECK (id = 1), last_seq INTEGER NOT NULL);
            INSERT INTO product_sync(id, last_seq) VALUES (1, 0);
            CREATE TABLE reviews(
                review_id TEXT PRIMARY KEY,
                product_id TEXT NOT NULL,
                member_id TEXT NOT NULL,
                rating INTEGER NOT NULL,
                text TEXT NOT NULL,
                author_first_name TEXT NOT NULL,
                verified INTEGER NOT NULL,
                kiosk_id TEXT NOT NULL,
                created_at TEXT NOT NULL,
                UNIQUE (product_id, member_id));
            CREATE INDEX reviews_product ON reviews(product_id, created_at);
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
        new(4, "content from the cloud: offer catalog, current model bundle", """
            CREATE TABLE cloud_content(
                kind TEXT PRIMARY KEY,
                last_seq INTEGER NOT NULL,
                content TEXT);
            """),
        new(5, "members' wish lists", """
            CREATE TABLE wish_list(
                member_id TEXT NOT NULL,
                product_id TEXT NOT NULL,
                added_at TEXT NOT NULL,
                PRIMARY KEY (member_id, product_id));
            """),
        new(6, "holdout decisions keep the offer they would have issued, and its conversion", """
            ALTER TABLE decisions ADD COLUMN offer_id TEXT;
            ALTER TABLE decisions ADD COLUMN offer_product TEXT;
            ALTER TABLE decisions ADD COLUMN offer_category TEXT;
            ALTER TABLE decisions ADD COLUMN valid_until TEXT;
            ALTER TABLE decisions ADD COLUMN converted_at TEXT;
            CREATE INDEX decisions_holdout_open ON decisions(member_id, decided_at)
                WHERE control = 1 AND offer_id IS NOT NULL AND converted_at IS NULL;
            """),
    ];
}
