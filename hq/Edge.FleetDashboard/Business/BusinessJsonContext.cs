using System.Text.Json;
using System.Text.Json.Serialization;

namespace Edge.FleetDashboard.Business;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IReadOnlyList<CloudRecord>))]
internal sealed partial class BusinessJsonContext : JsonSerializerContext;
