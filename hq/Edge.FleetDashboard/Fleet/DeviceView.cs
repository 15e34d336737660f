namespace Edge.FleetDashboard.Fleet;

/// <summary>(Public only because the pages show it.) A device as the dashboard shows it.</summary>
public sealed record DeviceView(string Id, string Kind, string Status, bool Online, DateTimeOffset? Since);
