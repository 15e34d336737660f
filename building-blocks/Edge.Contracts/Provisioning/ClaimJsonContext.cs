using System.Text.Json.Serialization;

namespace Edge.Contracts.Provisioning;

/// <summary>Source-generated JSON for the claim exchange (camelCase, enums as lower-case names).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ClaimRequest))]
[JsonSerializable(typeof(ClaimResponse))]
[JsonSerializable(typeof(CloudIdentity))]
public sealed partial class ClaimJsonContext : JsonSerializerContext;
