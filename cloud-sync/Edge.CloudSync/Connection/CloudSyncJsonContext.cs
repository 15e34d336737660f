using System.Text.Json.Serialization;

namespace Edge.CloudSync.Connection;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CloudIdentity))]
internal sealed partial class CloudSyncJsonContext : JsonSerializerContext;
