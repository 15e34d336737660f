using Edge.Contracts.Cloud;
using Edge.ReferenceCloud.Storage;

namespace Edge.ReferenceCloud.Upstream;

/// <summary>
/// Every event a store sent, once: the primary key (store, message id) makes a re-sent batch, a replay after a hub
/// restart or a duplicate from the broker's redelivery land exactly once. Ids are kept for
/// <c>ReferenceCloud:DeduplicationWindow</c> (400 days by default), longer than any outage a hub's outbox rides out.
/// </summary>
internal sealed class EventLedger(CloudDatabase database, TimeProvider time)
{
    /// <summary>Stores the batch's messages; returns the ones that were new (to act on once) and how many were already there.</summary>
    public (IReadOnlyList<UpMessage> New, int Duplicates) Append(UpBatch batch, string stream)
    {
        var received = time.GetUtcNow();
        var skew = (long)(received - batch.SentAt).TotalMilliseconds;
        var added = new List<UpMessage>();
        lock (database.Gate)
        {
            using var transaction = database.Connection.BeginTransaction();
            using var insert = database.Connection.CreateCommand();
            insert.CommandText = """
                INSERT OR IGNORE INTO events (message_id, store_id, stream, sequence, created_at, received_at, clock_skew_ms, event)
                VALUES ($id, $store, $stream, $seq, $created, $received, $skew, $event)
                """;
            var id = insert.Parameters.Add("$id", Microsoft.Data.Sqlite.SqliteType.Text);
            insert.Parameters.AddWithValue("$store", batch.StoreId);
            insert.Parameters.AddWithValue("$stream", stream);
            var seq = insert.Parameters.Add("$seq", Microsoft.Data.Sqlite.SqliteType.Integer);
            var created = insert.Parameters.Add("$created", Microsoft.Data.Sqlite.SqliteType.Integer);
            insert.Parameters.AddWithValue("$received", received.ToUnixTimeMilliseconds());
            insert.Parameters.AddWithValue("$skew", skew);
            var evt = insert.Parameters.Add("$event", Microsoft.Data.Sqlite.SqliteType.Text);
            foreach (var message in batch.Messages)
            {
                id.Value = message.MessageId;
                seq.Value = message.Sequence;
                created.Value = message.CreatedAt.ToUnixTimeMilliseconds();
                evt.Value = message.Event.GetRawText();
                if (insert.ExecuteNonQuery() == 1)
                {
                    added.Add(message);
                }
            }

            transaction.Commit();
        }

        return (added, batch.Messages.Count - added.Count);
    }

    /// <summary>A stream's events in the hub's sequence order.</summary>
    public IReadOnlyList<ReceivedEvent> Read(string storeId, string? stream, int limit)
    {
        lock (database.Gate)
        {
            using var command = database.Connection.CreateCommand();
            command.CommandText = """
                SELECT message_id, stream, sequence, created_at, received_at, clock_skew_ms, event FROM events
                WHERE store_id = $store AND ($stream IS NULL OR stream = $stream)
                ORDER BY stream, sequence LIMIT $limit
                """;
            command.Parameters.AddWithValue("$store", storeId);
            command.Parameters.AddWithValue("$stream", (object?)stream ?? DBNull.Value);
            command.Parameters.AddWithValue("$limit", limit);
            using var reader = command.ExecuteReader();
            var events = new List<ReceivedEvent>();
            while (reader.Read())
            {
                events.Add(Row(reader));
            }

            return events;
        }
    }

    /// <summary>A stream's newest events first (diagnostic bundles: the latest is what HQ looks at).</summary>
    public IReadOnlyList<ReceivedEvent> ReadNewest(string storeId, string stream, int limit)
    {
        lock (database.Gate)
        {
            using var command = database.Connection.CreateCommand();
            command.CommandText = """
                SELECT message_id, stream, sequence, created_at, received_at, clock_skew_ms, event FROM events
                WHERE store_id = $store AND stream = $stream ORDER BY sequence DESC LIMIT $limit
                """;
            command.Parameters.AddWithValue("$store", storeId);
            command.Parameters.AddWithValue("$stream", stream);
            command.Parameters.AddWithValue("$limit", limit);
            using var reader = command.ExecuteReader();
            var events = new List<ReceivedEvent>();
            while (reader.Read())
            {
                events.Add(Row(reader));
            }

            return events;
        }
    }

    /// <summary>Forgets ids older than the window (the events go with them: the reference cloud keeps no archive).</summary>
    public int Prune(TimeSpan window)
    {
        lock (database.Gate)
        {
            using var command = database.Connection.CreateCommand();
            command.CommandText = "DELETE FROM events WHERE received_at < $cutoff";
            command.Parameters.AddWithValue("$cutoff", (time.GetUtcNow() - window).ToUnixTimeMilliseconds());
            return command.ExecuteNonQuery();
        }
    }

    private static ReceivedEvent Row(Microsoft.Data.Sqlite.SqliteDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetInt64(2),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
        reader.GetInt64(5), reader.GetString(6));
}
