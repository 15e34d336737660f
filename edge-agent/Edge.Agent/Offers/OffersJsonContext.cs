using System.Text.Json;
using System.Text.Json.Serialization;

namespace Edge.Agent.Offers;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(OfferDefinition[]))]
[JsonSerializable(typeof(OfferCatalogUpdate))]
internal sealed partial class OffersJsonContext : JsonSerializerContext;
