namespace Edge.FleetDashboard.Hosting;

/// <summary>GET /stores/{store}/history?metric=: the metric's kept points, oldest first.</summary>
internal sealed record MetricHistoryResponse(string StoreId, string Metric, IReadOnlyList<HistoryPoint> Points);
