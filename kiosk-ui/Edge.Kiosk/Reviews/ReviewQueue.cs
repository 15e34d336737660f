using System.Globalization;
using Edge.Kiosk.Storage;

namespace Edge.Kiosk.Reviews;

/// <summary>Reviews waiting for edge-agent, in the kiosk's SQLite file (survive a restart).</summary>
internal sealed class ReviewQueue(KioskDatabase database, TimeProvider time)
{
    // A kiosk that is offline for days must not fill its disk with reviews; beyond this, new ones are refused.
    public const int MaxQueued = 1000;

    public bool TryEnqueue(string agentSessionId, string productId, int rating, string text)
    {
        lock (database.Gate)
        {
            using var count = database.Command("SELECT COUNT(*) FROM review_queue");
            if (Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture) >= MaxQueued)
            {
                return false;
            }

            using var insert = database.Command("INSERT INTO review_queue (session_id, product_id, rating, text, queued_at) VALUES ($s, $p, $r, $t, $q)");
            insert.Parameters.AddWithValue("$s", agentSessionId);
            insert.Parameters.AddWithValue("$p", productId);
            insert.Parameters.AddWithValue("$r", rating);
            insert.Parameters.AddWithValue("$t", text);
            insert.Parameters.AddWithValue("$q", time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            insert.ExecuteNonQuery();
            return true;
        }
    }

    public IReadOnlyList<QueuedReview> Pending(int limit)
    {
        lock (database.Gate)
        {
            using var select = database.Command("SELECT seq, session_id, product_id, rating, text, queued_at FROM review_queue ORDER BY seq LIMIT $n");
            select.Parameters.AddWithValue("$n", limit);
            using var reader = select.ExecuteReader();
            var list = new List<QueuedReview>();
            while (reader.Read())
            {
                list.Add(new QueuedReview(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4),
                    DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture)));
            }

            return list;
        }
    }

    public void Remove(long seq)
    {
        lock (database.Gate)
        {
            using var delete = database.Command("DELETE FROM review_queue WHERE seq = $s");
            delete.Parameters.AddWithValue("$s", seq);
            delete.ExecuteNonQuery();
        }
    }
}
