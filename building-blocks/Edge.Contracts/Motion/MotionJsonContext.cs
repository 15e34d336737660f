using System.Text.Json.Serialization;

namespace Edge.Contracts.Motion;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ZoneMotion))]
[JsonSerializable(typeof(ZoneFootfall))]
public sealed partial class MotionJsonContext : JsonSerializerContext;
