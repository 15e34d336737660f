using Edge.Storage;
using Microsoft.Data.Sqlite;

namespace Edge.ReferenceCloud.Storage;

/// <summary>
/// The cloud's SQLite file. One connection, used under a lock: the reference cloud handles a demo fleet, and one
/// writer keeps de-duplication (INSERT OR IGNORE on the message id) exact without retry logic.
/// </summary>
internal sealed class CloudDatabase : IDisposable
{
    private static readonly Migration[] Migrations =
    [
        new(1, "claims, hubs, events, down sequences", """
            CREATE TABLE expected_claims (
                store_id TEXT NOT NULL, code TEXT NOT NULL, expires_at INTEGER NOT NULL, used_by_hub TEXT,
                PRIMARY KEY (store_id, code));
            CREATE TABLE hubs (
                store_id TEXT NOT NULL, hub_id TEXT NOT NULL, certificate_pem TEXT NOT NULL, claimed_at INTEGER NOT NULL,
                PRIMARY KEY (store_id, hub_id));
            CREATE TABLE events (
                message_id TEXT NOT NULL, store_id TEXT NOT NULL, stream TEXT NOT NULL, sequence INTEGER NOT NULL,
                created_at INTEGER NOT NULL, received_at INTEGER NOT NULL, clock_skew_ms INTEGER NOT NULL, event TEXT NOT NULL,
                PRIMARY KEY (store_id, message_id));
            CREATE INDEX events_by_stream ON events (store_id, stream, sequence);
            CREATE TABLE down_sequences (store_id TEXT NOT NULL, kind TEXT NOT NULL, last INTEGER NOT NULL, PRIMARY KEY (store_id, kind));
            """),
        new(2, "member registry", """
            CREATE TABLE members (
                store_id TEXT NOT NULL, member_id TEXT NOT NULL, first_name TEXT NOT NULL, tier TEXT NOT NULL,
                rotating_id_key BLOB, revoked_at INTEGER, PRIMARY KEY (store_id, member_id));
            """),
        new(3, "down messages kept for resync", """
            CREATE TABLE down_messages (
                store_id TEXT NOT NULL, kind TEXT NOT NULL, sequence INTEGER NOT NULL, message_id TEXT NOT NULL,
                content_type TEXT NOT NULL, properties TEXT NOT NULL, payload BLOB NOT NULL,
                PRIMARY KEY (store_id, kind, sequence));
            """),
    ];

    public CloudDatabase(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        Connection = SqliteDatabase.Open(path, SqliteDurability.Full, Migrations);
    }

    public SqliteConnection Connection { get; }

    public object Gate { get; } = new();

    public void Dispose() => Connection.Dispose();
}
