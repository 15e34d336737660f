using System.Text.Json;
using System.Text.Json.Serialization;

namespace Edge.Agent.Alerts;

/// <summary>Source-generated JSON of the alert log's content column and the quiet switch (the outcome event is in Edge.Contracts' AgentBusJsonContext).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AlertContent))]
[JsonSerializable(typeof(QuietModeRequest))]
internal sealed partial class AlertsJsonContext : JsonSerializerContext;
