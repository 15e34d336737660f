namespace Edge.FleetDashboard.Sparkplug;

/// <summary>
/// (Public only because the pages list them.) A command HQ can send a hub as an NCMD metric (boolean true).
/// <see cref="HandledByHub"/> says whether cloud-sync's edge node acts on it today; the others are refused by the hub
/// (it logs "not a command of this node") until cloud-sync implements them.
/// </summary>
public sealed record NodeCommand(string Name, string Metric, string Label, bool HandledByHub);
