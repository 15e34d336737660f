using System.Collections.Concurrent;

namespace Edge.ReferenceCloud.Fleet;

/// <summary>What the cloud did with hubs' resync requests and diagnostic bundles, by outcome (GET /api/hub-events). Thread-safe.</summary>
internal sealed class HubEventCounters
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> Counts => _counts;

    public void Add(string name, long n = 1) => _counts.AddOrUpdate(name, n, (_, v) => v + n);

    /// <summary>The reason's code (before the colon), the key refusals are counted by.</summary>
    public static string Code(string reason) => reason.IndexOf(':', StringComparison.Ordinal) is var i and > 0 ? reason[..i] : reason;
}
