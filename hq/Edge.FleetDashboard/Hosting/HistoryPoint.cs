namespace Edge.FleetDashboard.Hosting;

/// <summary>One chart point: Unix milliseconds and value.</summary>
internal sealed record HistoryPoint(long T, double V);
