using System.Text.Json.Serialization;

namespace Edge.Contracts.Cloud;

/// <summary>Source-generated JSON for the business plane (camelCase; nulls omitted).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OutboxEvent))]
[JsonSerializable(typeof(UpBatch))]
[JsonSerializable(typeof(LocalDownEvent))]
[JsonSerializable(typeof(KioskPairingConfirmation))]
[JsonSerializable(typeof(ModelBundleReady))]
[JsonSerializable(typeof(CommandResponse))]
[JsonSerializable(typeof(ResyncRequest))]
public sealed partial class CloudJsonContext : JsonSerializerContext;
