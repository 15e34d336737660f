using Edge.FleetDashboard.Sparkplug;

namespace Edge.FleetDashboard.Fleet;

/// <summary>(Public only because the pages show it.) A snapshot of one store's hub, taken under the board's lock.</summary>
public sealed record StoreView(
    string StoreId,
    bool Online,
    long BdSeq,
    DateTimeOffset? BornAt,
    DateTimeOffset? DiedAt,
    DateTimeOffset? LastMessageAt,
    int SeqGaps,
    int StaleDeathsIgnored,
    bool RebirthPending,
    IReadOnlyDictionary<string, MetricValue> Metrics,
    IReadOnlyList<DeviceView> Devices)
{
    /// <summary>False until the first NBIRTH: the host only heard data or a death from this node.</summary>
    public bool Born => BornAt is not null;

    public MetricValue? Metric(string name) => Metrics.GetValueOrDefault(name);

    /// <summary>The metric's value as text, or null when the hub does not publish it.</summary>
    public string? Text(string name) => Metric(name)?.Display();

    public double? Number(string name) => Metric(name)?.AsNumber();

    public IEnumerable<(string Name, string State)> Services =>
        Metrics.Where(m => m.Key.StartsWith(HubMetrics.ServicePrefix, StringComparison.Ordinal) && m.Key.EndsWith(HubMetrics.ServiceStateSuffix, StringComparison.Ordinal))
            .Select(m => (m.Key[HubMetrics.ServicePrefix.Length..^HubMetrics.ServiceStateSuffix.Length], m.Value.Display()))
            .OrderBy(s => s.Item1, StringComparer.Ordinal);

    public IEnumerable<(string Stream, long Depth)> OutboxDepths =>
        Metrics.Where(m => m.Key.StartsWith(HubMetrics.OutboxPrefix, StringComparison.Ordinal) && m.Key.EndsWith(HubMetrics.OutboxDepthSuffix, StringComparison.Ordinal))
            .Select(m => (m.Key[HubMetrics.OutboxPrefix.Length..^HubMetrics.OutboxDepthSuffix.Length], (long)(m.Value.AsNumber() ?? 0)))
            .OrderBy(s => s.Item1, StringComparer.Ordinal);

    public long OutboxBacklog => OutboxDepths.Sum(s => s.Depth);
}
