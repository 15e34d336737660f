using System.Text.Json.Serialization;

namespace Edge.Kiosk.Signage;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(Playlist))]
internal sealed partial class PlaylistJsonContext : JsonSerializerContext;
