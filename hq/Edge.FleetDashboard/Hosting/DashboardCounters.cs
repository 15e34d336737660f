namespace Edge.FleetDashboard.Hosting;

/// <summary>
/// Requests the dashboard refused (bad acknowledgement names, unknown commands, stores or alarms) and cloud records it
/// could not read as their stream's event, for health and tests.
/// </summary>
internal sealed class DashboardCounters
{
    private long _requestsRefused;
    private long _cloudRecordsUnreadable;

    public long RequestsRefused => Interlocked.Read(ref _requestsRefused);

    public long CloudRecordsUnreadable => Interlocked.Read(ref _cloudRecordsUnreadable);

    public void Refused() => Interlocked.Increment(ref _requestsRefused);

    public void Unreadable(long records) => Interlocked.Add(ref _cloudRecordsUnreadable, records);
}
