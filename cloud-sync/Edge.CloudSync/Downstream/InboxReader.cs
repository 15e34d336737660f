using Microsoft.Data.Sqlite;

namespace Edge.CloudSync.Downstream;

/// <summary>
/// A read-only view of the inbox on its own SQLite connection, for the fleet node (resync marks, diagnostic bundles):
/// <see cref="InboxStore"/> stays single-threaded, and WAL lets this connection read while the processor writes.
/// Opened lazily because the processor's store creates the file and its tables.
/// </summary>
internal sealed class InboxReader(InboxStore store, string path) : IDisposable
{
    private readonly Lock _gate = new();
    private SqliteConnection? _db;

    /// <summary>Reads that failed (SQLite error); their callers got what was read before the error.</summary>
    public long Failures { get; private set; }

    /// <summary>The last accepted sequence of every kind the inbox has seen (kind -> sequence).</summary>
    public IReadOnlyDictionary<string, long> Marks()
    {
        var marks = new SortedDictionary<string, long>(StringComparer.Ordinal);
        Read("SELECT kind, last_seq FROM kind_state;", r => marks[r.GetString(0)] = r.GetInt64(1));
        return marks;
    }

    /// <summary>The newest dead letters (time, topic, reason; never the message id or payload, which may name a member).</summary>
    public IReadOnlyList<(DateTimeOffset ReceivedAt, string Topic, string Reason)> RecentDeadLetters(int limit)
    {
        var list = new List<(DateTimeOffset, string, string)>();
        Read($"SELECT received_at, topic, reason FROM dead_letter ORDER BY id DESC LIMIT {limit};",
            r => list.Add((DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(0)), r.GetString(1), r.GetString(2))));
        return list;
    }

    private void Read(string sql, Action<SqliteDataReader> row)
    {
        lock (_gate)
        {
            GC.KeepAlive(store); // the store is constructed (file and tables exist) before this reads
            try
            {
                _db ??= Open();
                using var c = _db.CreateCommand();
                c.CommandText = sql;
                using var r = c.ExecuteReader();
                while (r.Read())
                {
                    row(r);
                }
            }
            catch (SqliteException)
            {
                // A metric or a bundle must never stop the fleet node: report what was read, reopen next time.
                Failures++;
                _db?.Dispose();
                _db = null;
            }
        }
    }

    private SqliteConnection Open()
    {
        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        db.Open();
        return db;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _db?.Dispose();
        }
    }
}
