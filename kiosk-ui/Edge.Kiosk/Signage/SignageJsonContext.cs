using System.Text.Json.Serialization;

namespace Edge.Kiosk.Signage;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ProofOfPlayBody))]
internal sealed partial class SignageJsonContext : JsonSerializerContext;
