using System.Text.Json;
using System.Text.Json.Serialization;

namespace Edge.Agent.Alerts;

/// <summary>Source-generated JSON of the alert log's content column, the outcome event and the quiet switch.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AlertContent))]
[JsonSerializable(typeof(AlertOutcomesEvent))]
[JsonSerializable(typeof(QuietModeRequest))]
internal sealed partial class AlertsJsonContext : JsonSerializerContext;
