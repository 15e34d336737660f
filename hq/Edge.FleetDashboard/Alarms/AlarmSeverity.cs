namespace Edge.FleetDashboard.Alarms;

/// <summary>(Public only because the pages show it.) Most severe last, so severities compare.</summary>
public enum AlarmSeverity
{
    Info,
    Warning,
    Critical,
}
