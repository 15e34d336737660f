using System.Text.Json.Serialization;

namespace Edge.Contracts.Models;

/// <summary>Source-generated JSON for model bundles (camelCase, enums as strings, indented so diffs read well).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ModelManifest))]
public sealed partial class ModelsJsonContext : JsonSerializerContext;
