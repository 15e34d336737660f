using Edge.Contracts.Devices;

namespace Edge.Provisioning.Devices;

/// <summary>
/// What each kind of device may do on the local bus: its own topics and nothing else (mosquitto denies
/// everything an acl_file does not grant). The rules that matter most:
/// a wearable reads only its own clerk's alerts; a kiosk cannot publish staff alerts (it asks edge-agent
/// over HTTP); a scanner publishes only receiver reports for its own room.
/// </summary>
internal static class DeviceAcl
{
    public static IReadOnlyList<AclRule> RulesFor(DeviceRecord device) => device.Kind switch
    {
        DeviceKind.Wearable =>
        [
            new("read", DeviceTopics.StaffAlertsFor(device.ClerkId!) + "/#"),
            new("write", DeviceTopics.StaffAcksFor(device.ClerkId!) + "/#"),
        ],
        DeviceKind.Kiosk => [new("readwrite", DeviceTopics.Kiosk(device.Id) + "/#")],
        DeviceKind.Screen => [new("readwrite", DeviceTopics.Screen(device.Id) + "/#")],
        DeviceKind.Scanner =>
        [
            new("write", DeviceTopics.ReceiverReports(device.Id)),
            // ESPresense firmware publishes its status (also as its will) and telemetry, and reads its settings.
            new("write", DeviceTopics.ReceiverRoom(device.Id) + "/status"),
            new("write", DeviceTopics.ReceiverRoom(device.Id) + "/telemetry"),
            new("read", DeviceTopics.ReceiverRoom(device.Id) + "/+/set"),
        ],
        DeviceKind.Beacon => [new("write", DeviceTopics.BeaconStatus(device.Id))],
        _ => throw new ArgumentOutOfRangeException(nameof(device), device.Kind, "unknown device kind"),
    };
}
