namespace Edge.FleetDashboard.Fleet;

/// <summary>
/// The node metric names cloud-sync's edge node publishes (cloud-sync/Edge.CloudSync/Fleet/FleetNode.cs); a metric a
/// hub has not published (yet) reads "no data yet".
/// </summary>
internal static class HubMetrics
{
    public const string AppVersion = "Properties/Version";
    public const string ModelVersion = "Properties/Model Version";
    public const string ShadowModelVersion = "Properties/Shadow Model Version";
    public const string ConfigurationVersion = "Properties/Configuration Version";
    public const string HubId = "Properties/Hub Id";
    public const string ServicePrefix = "Services/";
    public const string ServiceStateSuffix = "/State";
    public const string OutboxPrefix = "Outbox/";
    public const string OutboxDepthSuffix = "/Depth";
    public const string OldestUnsentAge = "Outbox/Oldest Unsent Age (s)";
    public const string LastAck = "Sync/Last Ack";
    public const string CloudConnected = "Sync/Cloud Connected";
    public const string MembersPresent = "Presence/Members Present";
    public const string CertificateNotAfter = "Certificate/Not After";
    public const string CertificateDaysLeft = "Certificate/Days Left";
    public const string LastResync = "Sync/Last Resync";
    public const string LastDiagnosticBundle = "Diagnostics/Last Bundle";
    public const string CommandsRefused = "Commands/Refused";
    public const string AlarmPrefix = "Alarms/";
    public const string DeviceStatus = "Status";
    public const string DeviceKind = "Kind";
}
