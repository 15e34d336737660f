using System.Text.Json.Serialization;

namespace Edge.Provisioning.Devices;

/// <summary>The kinds of device a hub serves; lower case in files and --json, as typed on the command line.</summary>
internal enum DeviceKind
{
    [JsonStringEnumMemberName("kiosk")]
    Kiosk,
    [JsonStringEnumMemberName("screen")]
    Screen,
    [JsonStringEnumMemberName("scanner")]
    Scanner,
    [JsonStringEnumMemberName("beacon")]
    Beacon,
    [JsonStringEnumMemberName("wearable")]
    Wearable,
}
