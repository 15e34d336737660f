using System.Text.Json;
using System.Text.Json.Serialization;
using Edge.ReferenceCloud.Upstream;

namespace Edge.ReferenceCloud.Api;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ExpectClaimRequest))]
[JsonSerializable(typeof(DownSent))]
[JsonSerializable(typeof(IReadOnlyList<ReceivedEvent>))]
internal sealed partial class CloudApiJsonContext : JsonSerializerContext;
