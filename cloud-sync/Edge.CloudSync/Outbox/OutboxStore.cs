using Edge.Storage;
using Microsoft.Data.Sqlite;

namespace Edge.CloudSync.Outbox;

/// <summary>
/// The durable outbox on SQLite. Not thread-safe for writes by design: exactly one writer (OutboxWriter) calls
/// <see cref="Append"/> and <see cref="Acknowledge"/>; <see cref="ReadPending"/> uses its own connection and may
/// run concurrently (WAL readers never block the writer).
/// Invariants: within a stream, sequence numbers are gap-free from 1 in append order; a message id appears at most
/// once; a message leaves the table only when the cloud broker acknowledged it, it expired, or the quota policy
/// dropped it (compactable streams only).
/// </summary>
internal sealed class OutboxStore : IDisposable
{
    // Per-row overhead estimate (ids, key, timestamps, index entries) added to payload bytes for the quota.
    private const long RowOverhead = 96;
    private readonly SqliteConnection _write;
    private readonly SqliteConnection _read;
    private readonly TimeProvider _time;
    private readonly HashSet<string> _compactable;
    private readonly Dictionary<string, long> _nextSeq = new(StringComparer.Ordinal);
    private readonly long _quota;
    private long _bytes;

    public OutboxStore(string path, long quotaBytes, IEnumerable<string> compactableStreams, TimeProvider time, SqliteDurability durability = SqliteDurability.Full)
    {
        _time = time;
        _quota = quotaBytes;
        _compactable = new HashSet<string>(compactableStreams, StringComparer.Ordinal);
        _write = SqliteDatabase.Open(path, durability, OutboxMigrations.All);
        _read = SqliteDatabase.Open(path, durability, OutboxMigrations.All);
        using (var c = _write.CreateCommand())
        {
            c.CommandText = "SELECT stream, next_seq FROM stream_state;";
            using var r = c.ExecuteReader();
            while (r.Read())
            {
                _nextSeq[r.GetString(0)] = r.GetInt64(1);
            }
        }

        _bytes = ScalarLong(_write, $"SELECT coalesce(sum(length(payload)) + count(*) * {RowOverhead}, 0) FROM outbox;");
    }

    public bool OverQuotaWithProtectedOnly { get; private set; }

    public long Bytes => _bytes;

    public StreamPolicy PolicyOf(string stream) => _compactable.Contains(stream) ? StreamPolicy.Compactable : StreamPolicy.Protected;

    /// <summary>Appends a group in one transaction (one fsync), then applies the quota policy.</summary>
    public AppendResult[] Append(IReadOnlyList<OutboxAppend> batch)
    {
        var results = new AppendResult[batch.Count];
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var touched = new Dictionary<string, long>(StringComparer.Ordinal);
        using var tx = _write.BeginTransaction();
        // One statement per row: the unique index refuses an id already in the outbox, the NOT EXISTS one already sent.
        using var insert = Command(tx,
            "INSERT INTO outbox(stream, seq, message_id, created_at, expires_at, content_type, payload) "
            + "SELECT $s, $q, $id, $c, $e, $t, $p WHERE NOT EXISTS(SELECT 1 FROM sent_ids WHERE message_id = $id) ON CONFLICT(message_id) DO NOTHING;",
            "$s", "$q", "$id", "$c", "$e", "$t", "$p");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < batch.Count; i++)
        {
            var m = batch[i];
            if (!seen.Add(m.MessageId))
            {
                results[i] = new AppendResult(AppendOutcome.Duplicate, 0);
                continue;
            }

            var seq = touched.TryGetValue(m.Stream, out var t) ? t : _nextSeq.GetValueOrDefault(m.Stream, 1);
            insert.Parameters[0].Value = m.Stream;
            insert.Parameters[1].Value = seq;
            insert.Parameters[2].Value = m.MessageId;
            insert.Parameters[3].Value = now;
            insert.Parameters[4].Value = (object?)m.ExpiresAt?.ToUnixTimeMilliseconds() ?? DBNull.Value;
            insert.Parameters[5].Value = m.ContentType;
            insert.Parameters[6].Value = m.Payload.ToArray();
            if (insert.ExecuteNonQuery() == 0)
            {
                results[i] = new AppendResult(AppendOutcome.Duplicate, 0);
                continue;
            }

            touched[m.Stream] = seq + 1;
            _bytes += m.Payload.Length + RowOverhead;
            results[i] = new AppendResult(AppendOutcome.Appended, seq);
        }

        using (var state = Command(tx,
            "INSERT INTO stream_state(stream, next_seq) VALUES ($s, $n) ON CONFLICT(stream) DO UPDATE SET next_seq = excluded.next_seq;", "$s", "$n"))
        {
            foreach (var (stream, next) in touched)
            {
                state.Parameters[0].Value = stream;
                state.Parameters[1].Value = next;
                state.ExecuteNonQuery();
            }
        }

        EnforceQuota(tx, batch, results);
        tx.Commit();
        foreach (var (stream, next) in touched)
        {
            _nextSeq[stream] = next;
        }

        return results;
    }

    /// <summary>
    /// Drops the oldest compactable messages until the outbox fits its quota. Protected messages are never
    /// dropped: when only they remain, <see cref="OverQuotaWithProtectedOnly"/> is raised for the fleet alarm.
    /// </summary>
    private void EnforceQuota(SqliteTransaction tx, IReadOnlyList<OutboxAppend> batch, AppendResult[] results)
    {
        if (_bytes <= _quota)
        {
            OverQuotaWithProtectedOnly = false;
            return;
        }

        var victims = new List<(long Id, string Stream, long Size, string MessageId)>();
        var excess = _bytes - _quota;
        using (var select = Command(tx,
            $"SELECT id, stream, length(payload) + {RowOverhead}, message_id FROM outbox WHERE stream IN (SELECT value FROM json_each($streams)) ORDER BY id LIMIT 5000;", "$streams"))
        {
            select.Parameters[0].Value = System.Text.Json.JsonSerializer.Serialize(_compactable.ToArray(), OutboxJsonContext.Default.StringArray);
            using var r = select.ExecuteReader();
            while (excess > 0 && r.Read())
            {
                victims.Add((r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.GetString(3)));
                excess -= r.GetInt64(2);
            }
        }

        using var delete = Command(tx, "DELETE FROM outbox WHERE id = $id;", "$id");
        using var dropped = Command(tx, "UPDATE stream_state SET dropped = dropped + 1 WHERE stream = $s;", "$s");
        var victimIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in victims)
        {
            delete.Parameters[0].Value = v.Id;
            delete.ExecuteNonQuery();
            dropped.Parameters[0].Value = v.Stream;
            dropped.ExecuteNonQuery();
            _bytes -= v.Size;
            victimIds.Add(v.MessageId);
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (results[i].Outcome == AppendOutcome.Appended && victimIds.Contains(batch[i].MessageId))
            {
                results[i] = results[i] with { Outcome = AppendOutcome.DroppedByQuota };
            }
        }

        OverQuotaWithProtectedOnly = _bytes > _quota;
    }

    /// <summary>
    /// Removes messages the cloud broker acknowledged and advances each stream's checkpoint. Their ids are
    /// remembered (<see cref="ForgetSentIdsBefore"/> trims them) so a late duplicate from a producer is still refused.
    /// </summary>
    public void Acknowledge(IReadOnlyList<OutboxEntry> entries)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        using var tx = _write.BeginTransaction();
        using var delete = Command(tx, "DELETE FROM outbox WHERE id = $id RETURNING length(payload);", "$id");
        using var sent = Command(tx, "INSERT OR IGNORE INTO sent_ids(message_id, acked_at) VALUES ($m, $t);", "$m", "$t");
        using var acked = Command(tx, "UPDATE stream_state SET acked_seq = max(acked_seq, $q) WHERE stream = $s;", "$s", "$q");
        foreach (var e in entries)
        {
            delete.Parameters[0].Value = e.Id;
            if (delete.ExecuteScalar() is long size)
            {
                _bytes -= size + RowOverhead;
            }

            sent.Parameters[0].Value = e.MessageId;
            sent.Parameters[1].Value = now;
            sent.ExecuteNonQuery();
            acked.Parameters[0].Value = e.Stream;
            acked.Parameters[1].Value = e.Sequence;
            acked.ExecuteNonQuery();
        }

        tx.Commit();
        if (_bytes <= _quota)
        {
            OverQuotaWithProtectedOnly = false;
        }
    }

    /// <summary>Deletes messages whose expiry passed before they could be sent; returns them for counting.</summary>
    public IReadOnlyList<OutboxEntry> DeleteExpired()
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var expired = new List<OutboxEntry>();
        using var tx = _write.BeginTransaction();
        using (var select = Command(tx, "SELECT id, stream, seq, message_id, created_at, expires_at, content_type, payload FROM outbox WHERE expires_at IS NOT NULL AND expires_at <= $now;", "$now"))
        {
            select.Parameters[0].Value = now;
            using var r = select.ExecuteReader();
            while (r.Read())
            {
                expired.Add(ReadEntry(r));
            }
        }

        using var delete = Command(tx, "DELETE FROM outbox WHERE id = $id;", "$id");
        foreach (var e in expired)
        {
            delete.Parameters[0].Value = e.Id;
            delete.ExecuteNonQuery();
            _bytes -= e.Payload.Length + RowOverhead;
        }

        tx.Commit();
        return expired;
    }

    /// <summary>Forgets acknowledged ids older than <paramref name="cutoff"/> (the cloud keeps its own de-duplication window).</summary>
    public int ForgetSentIdsBefore(DateTimeOffset cutoff)
    {
        using var c = _write.CreateCommand();
        c.CommandText = "DELETE FROM sent_ids WHERE acked_at < $t;";
        c.Parameters.AddWithValue("$t", cutoff.ToUnixTimeMilliseconds());
        return c.ExecuteNonQuery();
    }

    /// <summary>Unsent messages after <paramref name="afterId"/> in append order (which is sequence order within each stream).</summary>
    public IReadOnlyList<OutboxEntry> ReadPending(long afterId, int limit)
    {
        // One read connection serves the drain, the fleet metrics and health: a connection is not thread-safe.
        lock (_read)
        {
            return ReadPendingLocked(afterId, limit);
        }
    }

    private List<OutboxEntry> ReadPendingLocked(long afterId, int limit)
    {
        using var c = _read.CreateCommand();
        c.CommandText = "SELECT id, stream, seq, message_id, created_at, expires_at, content_type, payload FROM outbox WHERE id > $after ORDER BY id LIMIT $n;";
        c.Parameters.AddWithValue("$after", afterId);
        c.Parameters.AddWithValue("$n", limit);
        using var r = c.ExecuteReader();
        var list = new List<OutboxEntry>(Math.Min(limit, 1024));
        while (r.Read())
        {
            list.Add(ReadEntry(r));
        }

        return list;
    }

    public OutboxStats Stats()
    {
        lock (_read)
        {
            return StatsLocked();
        }
    }

    private OutboxStats StatsLocked()
    {
        using var c = _read.CreateCommand();
        c.CommandText = """
            SELECT s.stream, count(o.id), min(o.created_at), s.acked_seq, s.next_seq, s.dropped
            FROM stream_state s LEFT JOIN outbox o ON o.stream = s.stream
            GROUP BY s.stream ORDER BY s.stream;
            """;
        using var r = c.ExecuteReader();
        var streams = new List<StreamBacklog>();
        while (r.Read())
        {
            streams.Add(new StreamBacklog(
                r.GetString(0),
                r.GetInt64(1),
                r.IsDBNull(2) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(2)),
                r.GetInt64(3),
                r.GetInt64(4),
                r.GetInt64(5)));
        }

        return new OutboxStats(streams, _bytes, _quota, OverQuotaWithProtectedOnly);
    }

    private static OutboxEntry ReadEntry(SqliteDataReader r) => new(
        r.GetInt64(0),
        r.GetString(1),
        r.GetInt64(2),
        r.GetString(3),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4)),
        r.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)),
        r.GetString(6),
        (byte[])r.GetValue(7));

    private SqliteCommand Command(SqliteTransaction tx, string sql, params string[] parameters)
    {
        var c = _write.CreateCommand();
        c.Transaction = tx;
        c.CommandText = sql;
        foreach (var p in parameters)
        {
            c.Parameters.Add(new SqliteParameter { ParameterName = p });
        }

        c.Prepare();
        return c;
    }

    private static long ScalarLong(SqliteConnection connection, string sql)
    {
        using var c = connection.CreateCommand();
        c.CommandText = sql;
        return Convert.ToInt64(c.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        _write.Dispose();
        _read.Dispose();
    }
}
