using System.Text.Json.Serialization;

namespace Edge.Kiosk.Proximity;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(KioskPairingConfirmation))]
internal sealed partial class KioskBusJsonContext : JsonSerializerContext;
