using System.Text.Json.Serialization;

namespace Edge.ReferenceCloud.Phone;

/// <summary>
/// What a raw-advert relay publishes on store/ble/raw/{receiverId} and beacon-gateway decodes
/// (Edge.BeaconGateway.Remote.RemoteTopics): the phone's address, its type (1 = random), the RSSI, and the
/// advertising data as hex.
/// </summary>
internal sealed record RawAdvertReport(
    [property: JsonPropertyName("mac")] string Mac,
    [property: JsonPropertyName("addrType")] int AddrType,
    [property: JsonPropertyName("rssi")] int Rssi,
    [property: JsonPropertyName("data")] string Data);
