namespace Edge.Contracts.Devices;

/// <summary>
/// Topics on the hub's local bus that belong to one device or one clerk. The broker's ACL (written by
/// edge-provision) grants each device exactly these, so a service that publishes to a device must use them.
/// </summary>
public static class DeviceTopics
{
    /// <summary>Alerts for one clerk: edge-agent publishes {prefix}/{alertId}; only that clerk's wearables may read.</summary>
    public static string StaffAlertsFor(string clerkId) => $"{LocalTopics.StaffAlerts}/{clerkId}";

    /// <summary>Acknowledgements (claim/dismiss) from one clerk's wearable: {prefix}/{alertId}.</summary>
    public static string StaffAcksFor(string clerkId) => $"{LocalTopics.Root}/staff/acks/{clerkId}";

    /// <summary>A kiosk's own subtree (status, commands). A kiosk asks for a clerk through edge-agent's HTTP API, never by publishing an alert.</summary>
    public static string Kiosk(string kioskId) => $"{LocalTopics.Kiosk}/{kioskId}";

    /// <summary>A signage screen's own subtree (status, playlist commands).</summary>
    public static string Screen(string screenId) => $"{LocalTopics.Root}/screens/{screenId}";

    /// <summary>A fixed store beacon's health reports (battery, uptime).</summary>
    public static string BeaconStatus(string beaconId) => $"{LocalTopics.Root}/beacons/{beaconId}/status";

    /// <summary>ESPresense root: a remote BLE receiver (ESP32) named after its room publishes espresense/devices/{deviceId}/{room}.</summary>
    public const string EspresenseRoot = "espresense";

    /// <summary>The receiver reports one scanner may publish: espresense/devices/+/{room}.</summary>
    public static string ReceiverReports(string room) => $"{EspresenseRoot}/devices/+/{room}";

    /// <summary>A receiver's own room topics (status, telemetry, settings): espresense/rooms/{room}.</summary>
    public static string ReceiverRoom(string room) => $"{EspresenseRoot}/rooms/{room}";
}
