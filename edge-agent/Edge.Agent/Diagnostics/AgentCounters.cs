using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Edge.Agent;

/// <summary>
/// Named counters of everything worth counting (bad input, refusals, fallbacks...). Also exported as the
/// System.Diagnostics.Metrics meter "Edge.Agent" and shown in GET /api/v1/status, so tests and operators see them.
/// </summary>
internal sealed class AgentCounters : IDisposable
{
    private readonly ConcurrentDictionary<string, long> _values = new(StringComparer.Ordinal);
    private readonly Meter _meter = new("Edge.Agent");
    private readonly Counter<long> _counter;

    public AgentCounters() => _counter = _meter.CreateCounter<long>("edge_agent_events");

    public void Increment(string name, long by = 1)
    {
        _values.AddOrUpdate(name, by, (_, v) => v + by);
        _counter.Add(by, new KeyValuePair<string, object?>("event", name));
    }

    public long Get(string name) => _values.TryGetValue(name, out var v) ? v : 0;

    public IReadOnlyDictionary<string, long> Snapshot() => new SortedDictionary<string, long>(_values, StringComparer.Ordinal);

    public void Dispose() => _meter.Dispose();
}
