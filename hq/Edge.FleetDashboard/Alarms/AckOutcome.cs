namespace Edge.FleetDashboard.Alarms;

internal enum AckOutcome
{
    Acknowledged,
    AlreadyAcknowledged,
    NotFound,
}
