using System.Text.Json;
using System.Text.Json.Serialization;

namespace Edge.FleetDashboard.Hosting;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(MetricHistoryResponse))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;
