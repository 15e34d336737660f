using System.Text.Json.Serialization;

namespace Edge.ReferenceCloud.Downstream;

/// <summary>The stored user properties of a sent down message: [name, value] pairs in their original order.</summary>
[JsonSerializable(typeof(List<string[]>))]
internal sealed partial class DownJsonContext : JsonSerializerContext;
