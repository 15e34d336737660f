using Edge.Storage;

namespace Edge.CloudSync.Outbox;

internal static class OutboxMigrations
{
    public static readonly Migration[] All =
    [
        new(1, "outbox and per-stream sequence state", """
            CREATE TABLE outbox(
                id           INTEGER PRIMARY KEY AUTOINCREMENT, -- append order across streams; never reused (the drain cursor relies on it)
                stream       TEXT    NOT NULL,
                seq          INTEGER NOT NULL,             -- per-stream sequence, gap-free, from 1
                message_id   TEXT    NOT NULL,             -- idempotency key
                created_at   INTEGER NOT NULL,             -- unix ms (hub clock)
                expires_at   INTEGER,                      -- unix ms, NULL = never
                content_type TEXT    NOT NULL,
                payload      BLOB    NOT NULL,
                UNIQUE(stream, seq));
            CREATE UNIQUE INDEX outbox_message_id ON outbox(message_id);
            CREATE INDEX outbox_stream_id ON outbox(stream, id);
            CREATE TABLE stream_state(
                stream     TEXT PRIMARY KEY,
                next_seq   INTEGER NOT NULL,               -- sequence the next append gets
                acked_seq  INTEGER NOT NULL DEFAULT 0,      -- highest sequence the cloud broker acknowledged
                dropped    INTEGER NOT NULL DEFAULT 0);     -- messages dropped by the quota policy
            -- Ids sent and acknowledged recently, so a producer re-sending after ack is still de-duplicated here.
            CREATE TABLE sent_ids(message_id TEXT PRIMARY KEY, acked_at INTEGER NOT NULL) WITHOUT ROWID;
            """),
    ];
}
