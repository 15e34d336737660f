using Edge.FleetDashboard.Alarms;

namespace Edge.FleetDashboard.Fleet;

/// <summary>(Public only because the pages show it.) One store in the fleet list: its snapshot and active alarms.</summary>
public sealed record StoreRow(StoreView Store, IReadOnlyList<Alarm> Alarms);
