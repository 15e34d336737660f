using Edge.FleetDashboard.Alarms;
using Edge.FleetDashboard.Sparkplug;

namespace Edge.FleetDashboard.Fleet;

/// <summary>(Public only because the pages show it.) What a store's live panel shows, and an optional notice (the result of an action).</summary>
public sealed record StorePanelModel(StoreView Store, IReadOnlyList<Alarm> Alarms, IReadOnlyList<Alarm> Recent, IReadOnlyList<NodeCommand> Commands, string? Message);
