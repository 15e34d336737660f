using Edge.Storage;
using Microsoft.Data.Sqlite;

namespace Edge.CloudSync.Downstream;

/// <summary>
/// The inbox on SQLite: which downstream messages were accepted (by message id), the last sequence per kind, the
/// dead letters, and model bundle chunks. Used by one thread (DownstreamProcessor) only.
/// </summary>
internal sealed class InboxStore : IDisposable
{
    private readonly SqliteConnection _db;
    private readonly TimeProvider _time;

    public InboxStore(string path, TimeProvider time)
    {
        _time = time;
        _db = SqliteDatabase.Open(path, SqliteDurability.Full, InboxMigrations.All);
    }

    public bool Contains(string messageId) => Scalar("SELECT EXISTS(SELECT 1 FROM inbox WHERE message_id = $a);", messageId) != 0;

    public long LastSequence(string kind) => Scalar("SELECT coalesce((SELECT last_seq FROM kind_state WHERE kind = $a), 0);", kind);

    /// <summary>Records the message as accepted and advances its kind's sequence, in one transaction, before it is applied.</summary>
    public void Accept(DownMessage m)
    {
        using var tx = _db.BeginTransaction();
        Execute(tx, "INSERT INTO inbox(message_id, kind, seq, issued_at, received_at, payload) VALUES ($a, $b, $c, $d, $e, $f);",
            m.MessageId, m.Kind, m.Sequence, m.IssuedAt.ToUnixTimeMilliseconds(), _time.GetUtcNow().ToUnixTimeMilliseconds(), m.Payload);
        Execute(tx, "INSERT INTO kind_state(kind, last_seq) VALUES ($a, $b) ON CONFLICT(kind) DO UPDATE SET last_seq = excluded.last_seq;", m.Kind, m.Sequence);
        if (m.Chunk is { } c)
        {
            Execute(tx, "INSERT OR IGNORE INTO bundle_chunk(bundle_id, idx, count, sha256, data) VALUES ($a, $b, $c, $d, $e);", c.BundleId, c.Index, c.Count, c.Sha256, m.Payload);
        }

        tx.Commit();
    }

    public void MarkApplied(string messageId)
    {
        using var tx = _db.BeginTransaction();
        Execute(tx, "UPDATE inbox SET applied = 1, payload = x'' WHERE message_id = $a;", messageId);
        tx.Commit();
    }

    /// <summary>Accepted but not applied (a crash between the two), in acceptance order.</summary>
    public IReadOnlyList<DownMessage> Unapplied()
    {
        using var c = _db.CreateCommand();
        c.CommandText = "SELECT kind, message_id, seq, issued_at, payload FROM inbox WHERE applied = 0 ORDER BY rowid;";
        using var r = c.ExecuteReader();
        var list = new List<DownMessage>();
        while (r.Read())
        {
            list.Add(new DownMessage(r.GetString(0), r.GetString(1), r.GetInt64(2), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(3)), (byte[])r.GetValue(4), null));
        }

        return list;
    }

    public void DeadLetter(string topic, string? messageId, string reason, ReadOnlySpan<byte> payload)
    {
        using var tx = _db.BeginTransaction();
        Execute(tx, "INSERT INTO dead_letter(received_at, topic, message_id, reason, payload) VALUES ($a, $b, $c, $d, $e);",
            _time.GetUtcNow().ToUnixTimeMilliseconds(), topic, messageId, reason, payload.ToArray());
        tx.Commit();
    }

    public IReadOnlyList<(string Topic, string? MessageId, string Reason)> DeadLetters()
    {
        using var c = _db.CreateCommand();
        c.CommandText = "SELECT topic, message_id, reason FROM dead_letter ORDER BY id;";
        using var r = c.ExecuteReader();
        var list = new List<(string, string?, string)>();
        while (r.Read())
        {
            list.Add((r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2)));
        }

        return list;
    }

    /// <summary>All chunks of a bundle in order, or null while some are missing.</summary>
    public IReadOnlyList<byte[]>? Chunks(string bundleId, int count)
    {
        using var c = _db.CreateCommand();
        c.CommandText = "SELECT data FROM bundle_chunk WHERE bundle_id = $a ORDER BY idx;";
        c.Parameters.AddWithValue("$a", bundleId);
        using var r = c.ExecuteReader();
        var list = new List<byte[]>();
        while (r.Read())
        {
            list.Add((byte[])r.GetValue(0));
        }

        return list.Count == count ? list : null;
    }

    public long BundleBytes(string bundleId) => Scalar("SELECT coalesce(sum(length(data)), 0) FROM bundle_chunk WHERE bundle_id = $a;", bundleId);

    public void DeleteChunks(string bundleId)
    {
        using var tx = _db.BeginTransaction();
        Execute(tx, "DELETE FROM bundle_chunk WHERE bundle_id = $a;", bundleId);
        tx.Commit();
    }

    private long Scalar(string sql, params object[] args)
    {
        using var c = _db.CreateCommand();
        c.CommandText = sql;
        Bind(c, args);
        return Convert.ToInt64(c.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private void Execute(SqliteTransaction tx, string sql, params object?[] args)
    {
        using var c = _db.CreateCommand();
        c.Transaction = tx;
        c.CommandText = sql;
        Bind(c, args);
        c.ExecuteNonQuery();
    }

    private static void Bind(SqliteCommand c, object?[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            c.Parameters.AddWithValue("$" + (char)('a' + i), args[i] ?? DBNull.Value);
        }
    }

    public void Dispose() => _db.Dispose();
}
