using Edge.Contracts.Agent;

namespace Edge.WearableSimulator.Alerts;

/// <summary>
/// The alerts currently on each clerk's watch: an alert appears when edge-agent routes it to the clerk and goes
/// when it is closed (claimed, escalated to someone else, or expired). <see cref="Changed"/> lets the page refresh.
/// </summary>
public sealed class AlertBoard
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StaffAlert> _open = new(StringComparer.Ordinal);
    private readonly List<string> _history = [];

    public event Action? Changed;

    public void Show(StaffAlert alert)
    {
        lock (_gate)
        {
            _open[Key(alert.ClerkId, alert.AlertId)] = alert;
        }

        Changed?.Invoke();
    }

    public void Close(string clerkId, StaffAlertClosed closed)
    {
        lock (_gate)
        {
            if (_open.Remove(Key(clerkId, closed.AlertId), out var alert))
            {
                _history.Insert(0, $"{alert.FirstName} ({alert.Zone}): {closed.Outcome}{(closed.ClaimedBy is { } by ? " by " + by : string.Empty)}");
                _history.RemoveRange(Math.Min(_history.Count, 20), Math.Max(0, _history.Count - 20));
            }
        }

        Changed?.Invoke();
    }

    public IReadOnlyList<StaffAlert> OpenFor(string clerkId)
    {
        lock (_gate)
        {
            return [.. _open.Values.Where(a => a.ClerkId == clerkId).OrderBy(a => a.CreatedAt)];
        }
    }

    public IReadOnlyList<string> History
    {
        get
        {
            lock (_gate)
            {
                return [.. _history];
            }
        }
    }

    private static string Key(string clerkId, string alertId) => clerkId + "\n" + alertId;
}
