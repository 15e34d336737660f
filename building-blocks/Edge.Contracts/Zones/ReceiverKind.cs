using System.Text.Json.Serialization;

namespace Edge.Contracts.Zones;

public enum ReceiverKind
{
    /// <summary>The hub's own Bluetooth adapter.</summary>
    [JsonStringEnumMemberName("hub")]
    Hub,

    /// <summary>A remote ESP32 receiver publishing ESPresense-style reports over MQTT.</summary>
    [JsonStringEnumMemberName("espresense")]
    Espresense,

    /// <summary>A fixed store iBeacon used as a reference point.</summary>
    [JsonStringEnumMemberName("beacon")]
    Beacon,
}
