using System.Globalization;
using System.Threading.Channels;
using Edge.Kiosk.Storage;

namespace Edge.Kiosk.Signage;

/// <summary>
/// Proof of play on disk until the local broker has acknowledged it (QoS 1 PUBACK); cloud-sync's outbox owns it from
/// there. Nothing is deleted before that, so a play is never lost while the bus or the cloud is away.
/// </summary>
internal sealed class ProofOfPlayStore(KioskDatabase database)
{
    // Capacity 1, drop on full: it only says "there is something new", one pending wake-up is enough.
    private readonly Channel<bool> _appended = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public ChannelReader<bool> Appended => _appended.Reader;

    public void Append(ProofOfPlayRecord record)
    {
        lock (database.Gate)
        {
            using var insert = database.Command("INSERT OR IGNORE INTO proof_of_play (play_id, item_id, started_at, ended_at) VALUES ($p, $i, $s, $e)");
            insert.Parameters.AddWithValue("$p", record.PlayId);
            insert.Parameters.AddWithValue("$i", record.ItemId);
            insert.Parameters.AddWithValue("$s", record.StartedAt.ToString("O", CultureInfo.InvariantCulture));
            insert.Parameters.AddWithValue("$e", record.EndedAt.ToString("O", CultureInfo.InvariantCulture));
            insert.ExecuteNonQuery();
        }

        _appended.Writer.TryWrite(true);
    }

    public IReadOnlyList<(long Seq, ProofOfPlayRecord Record)> Pending(int limit)
    {
        lock (database.Gate)
        {
            using var select = database.Command("SELECT seq, play_id, item_id, started_at, ended_at FROM proof_of_play ORDER BY seq LIMIT $n");
            select.Parameters.AddWithValue("$n", limit);
            using var reader = select.ExecuteReader();
            var result = new List<(long, ProofOfPlayRecord)>();
            while (reader.Read())
            {
                result.Add((reader.GetInt64(0), new ProofOfPlayRecord(
                    reader.GetString(1),
                    reader.GetString(2),
                    DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture),
                    DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture))));
            }

            return result;
        }
    }

    public void Acknowledged(long seq)
    {
        lock (database.Gate)
        {
            using var delete = database.Command("DELETE FROM proof_of_play WHERE seq = $s");
            delete.Parameters.AddWithValue("$s", seq);
            delete.ExecuteNonQuery();
        }
    }

    public long PendingCount()
    {
        lock (database.Gate)
        {
            using var count = database.Command("SELECT COUNT(*) FROM proof_of_play");
            return Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
    }
}
