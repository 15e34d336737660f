using Edge.FleetDashboard.Sparkplug;

namespace Edge.FleetDashboard.Fleet;

/// <summary>One device of a hub (kiosk, screen, scanner, beacon, wearable) as its DBIRTH/DDATA/DDEATH told it.</summary>
internal sealed class DeviceNode(string id)
{
    public string Id { get; } = id;

    public bool Online { get; set; }

    public DateTimeOffset? Since { get; set; }

    public Dictionary<string, MetricValue> Metrics { get; } = new(StringComparer.Ordinal);

    public Dictionary<ulong, string> Aliases { get; } = [];
}
