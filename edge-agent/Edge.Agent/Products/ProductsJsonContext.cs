using System.Text.Json;
using System.Text.Json.Serialization;
using Edge.Contracts.Agent;

namespace Edge.Agent.Products;

/// <summary>Source-generated JSON of the catalog's stored columns (specs, nearby stock) and its seed file.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(NearbyStock[]))]
[JsonSerializable(typeof(ProductCatalogUpdate))]
internal sealed partial class ProductsJsonContext : JsonSerializerContext;
