using System.Text.Json.Serialization;

namespace Edge.Contracts.Zones;

/// <summary>Source-generated JSON for the zones contract (camelCase, enums as their lower-case names).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(StoreZones))]
public sealed partial class ZonesJsonContext : JsonSerializerContext;
