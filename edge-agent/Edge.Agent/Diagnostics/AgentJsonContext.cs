using System.Text.Json;
using System.Text.Json.Serialization;

namespace Edge.Agent;

/// <summary>Source-generated JSON of the agent's own files and columns (catalog, stored lists).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(Dictionary<string, int>))]
internal sealed partial class AgentJsonContext : JsonSerializerContext;
