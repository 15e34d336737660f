using System.Collections.Concurrent;

namespace Edge.CloudSync.Upstream;

/// <summary>What the upstream path did, for health, the fleet plane and tests. Thread-safe.</summary>
internal sealed class UpstreamCounters
{
    private long _received;
    private long _published;
    private long _batches;
    private long _expired;
    private long _lastAckUnixMs;

    public ConcurrentDictionary<string, long> Refused { get; } = new(StringComparer.Ordinal);

    public long Received => Interlocked.Read(ref _received);

    public long PublishedMessages => Interlocked.Read(ref _published);

    public long PublishedBatches => Interlocked.Read(ref _batches);

    public long Expired => Interlocked.Read(ref _expired);

    /// <summary>When the cloud broker last acknowledged a batch (the fleet's "last sync"); null before the first.</summary>
    public DateTimeOffset? LastAck
    {
        get
        {
            var ms = Interlocked.Read(ref _lastAckUnixMs);
            return ms == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(ms);
        }
    }

    public long RefusedTotal => Refused.Values.Sum();

    public void CountReceived() => Interlocked.Increment(ref _received);

    public void CountRefused(string code) => Refused.AddOrUpdate(code, 1, (_, n) => n + 1);

    public void CountAcked(int messages, int batches, DateTimeOffset at)
    {
        Interlocked.Add(ref _published, messages);
        Interlocked.Add(ref _batches, batches);
        Interlocked.Exchange(ref _lastAckUnixMs, at.ToUnixTimeMilliseconds());
    }

    public void CountExpired(int messages) => Interlocked.Add(ref _expired, messages);
}
