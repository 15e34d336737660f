using System.Text.Json.Serialization;

namespace Edge.Contracts.Presence;

/// <summary>Source-generated JSON for the presence contracts (camelCase, as every local-bus payload).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PresenceEvent))]
[JsonSerializable(typeof(StoreBeaconEvent))]
public sealed partial class PresenceJsonContext : JsonSerializerContext;
