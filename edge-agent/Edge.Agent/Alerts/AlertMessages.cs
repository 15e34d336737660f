using Edge.Contracts.Agent;

namespace Edge.Agent.Alerts;

/// <summary>What one alert step publishes after its commit: alerts to wearables, and closings so other wearables clear them.</summary>
internal sealed class AlertMessages
{
    public List<StaffAlert> Alerts { get; } = [];

    public List<(string ClerkId, StaffAlertClosed Closed)> Closings { get; } = [];

    public void Close(IEnumerable<string> clerks, StaffAlertClosed closed)
    {
        foreach (var clerk in clerks)
        {
            Closings.Add((clerk, closed));
        }
    }
}
