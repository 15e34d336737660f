namespace Edge.FleetDashboard.Alarms;

/// <summary>
/// One condition that holds now for a store. <see cref="Key"/> identifies it across evaluations; a higher
/// <see cref="Level"/> (a counter that grew) re-opens an acknowledged alarm.
/// </summary>
internal sealed record AlarmCondition(string Key, AlarmSeverity Severity, string Text, long Level = 0);
