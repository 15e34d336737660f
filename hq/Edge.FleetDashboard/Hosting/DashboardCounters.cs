namespace Edge.FleetDashboard.Hosting;

/// <summary>Requests the dashboard refused (bad acknowledgement names, unknown commands, stores or alarms), for health and tests.</summary>
internal sealed class DashboardCounters
{
    private long _requestsRefused;

    public long RequestsRefused => Interlocked.Read(ref _requestsRefused);

    public void Refused() => Interlocked.Increment(ref _requestsRefused);
}
