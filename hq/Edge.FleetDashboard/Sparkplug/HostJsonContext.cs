using System.Text.Json;
using System.Text.Json.Serialization;

namespace Edge.FleetDashboard.Sparkplug;

/// <summary>Source-generated JSON of the STATE payload: {"online":true,"timestamp":1700000000000}.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(HostState))]
internal sealed partial class HostJsonContext : JsonSerializerContext;
