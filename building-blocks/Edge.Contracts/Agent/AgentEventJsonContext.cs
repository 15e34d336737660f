using System.Text.Json;
using System.Text.Json.Serialization;

namespace Edge.Contracts.Agent;

/// <summary>Source-generated JSON of edge-agent's kiosk-side outbox events and the product catalog down message.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ProductCatalogUpdate))]
[JsonSerializable(typeof(CouponSavedEvent))]
[JsonSerializable(typeof(PrizeDrawEvent))]
[JsonSerializable(typeof(ReviewPostedEvent))]
public sealed partial class AgentEventJsonContext : JsonSerializerContext;
