using Edge.FleetDashboard.Sparkplug;

namespace Edge.FleetDashboard.Fleet;

/// <summary>The host's state of one edge node (a store's hub). Mutated only under <see cref="FleetBoard"/>'s lock.</summary>
internal sealed class StoreNode(string storeId)
{
    public string StoreId { get; } = storeId;

    public bool Online { get; set; }

    public long BdSeq { get; set; } = -1;

    public ulong? LastSeq { get; set; }

    public DateTimeOffset? BornAt { get; set; }

    public DateTimeOffset? DiedAt { get; set; }

    public DateTimeOffset? LastMessageAt { get; set; }

    public int SeqGaps { get; set; }

    public int StaleDeathsIgnored { get; set; }

    public DateTimeOffset? RebirthRequestedAt { get; set; }

    public Dictionary<string, MetricValue> Metrics { get; } = new(StringComparer.Ordinal);

    public Dictionary<ulong, string> Aliases { get; } = [];

    public Dictionary<string, DeviceNode> Devices { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, MetricHistory> History { get; } = new(StringComparer.Ordinal);
}
