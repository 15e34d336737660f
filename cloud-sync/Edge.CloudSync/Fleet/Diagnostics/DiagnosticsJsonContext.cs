using System.Text.Json.Serialization;

namespace Edge.CloudSync.Fleet.Diagnostics;

/// <summary>Source-generated JSON for diagnostic bundles (camelCase, like every business-plane body).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DiagnosticBundle))]
internal sealed partial class DiagnosticsJsonContext : JsonSerializerContext;
