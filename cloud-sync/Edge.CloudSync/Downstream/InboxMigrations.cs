using Edge.Storage;

namespace Edge.CloudSync.Downstream;

internal static class InboxMigrations
{
    public static readonly Migration[] All =
    [
        new(1, "inbox, per-kind order, dead letters, bundle chunks", """
            CREATE TABLE inbox(
                message_id  TEXT PRIMARY KEY,              -- the cloud's idempotency key: applied at most once
                kind        TEXT    NOT NULL,
                seq         INTEGER NOT NULL,
                issued_at   INTEGER NOT NULL,              -- unix ms, cloud clock
                received_at INTEGER NOT NULL,              -- unix ms, hub clock
                applied     INTEGER NOT NULL DEFAULT 0,    -- 0 = accepted, not yet forwarded (re-done after a crash)
                payload     BLOB    NOT NULL);
            CREATE TABLE kind_state(kind TEXT PRIMARY KEY, last_seq INTEGER NOT NULL);
            CREATE TABLE dead_letter(
                id          INTEGER PRIMARY KEY AUTOINCREMENT,
                received_at INTEGER NOT NULL,
                topic       TEXT    NOT NULL,
                message_id  TEXT,
                reason      TEXT    NOT NULL,
                payload     BLOB    NOT NULL);
            CREATE TABLE bundle_chunk(
                bundle_id TEXT    NOT NULL,
                idx       INTEGER NOT NULL,
                count     INTEGER NOT NULL,
                sha256    TEXT    NOT NULL,
                data      BLOB    NOT NULL,
                PRIMARY KEY(bundle_id, idx)) WITHOUT ROWID;
            """),
    ];
}
