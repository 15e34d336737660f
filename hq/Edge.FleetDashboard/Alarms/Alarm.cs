namespace Edge.FleetDashboard.Alarms;

/// <summary>(Public only because the pages show it.) One alarm occurrence, with who acknowledged it and when.</summary>
public sealed record Alarm(
    long Id,
    string StoreId,
    string Key,
    AlarmSeverity Severity,
    string Text,
    long Level,
    DateTimeOffset RaisedAt,
    string? AcknowledgedBy = null,
    DateTimeOffset? AcknowledgedAt = null,
    DateTimeOffset? ClearedAt = null)
{
    public bool Active => ClearedAt is null;

    public bool Acknowledged => AcknowledgedBy is not null;
}
