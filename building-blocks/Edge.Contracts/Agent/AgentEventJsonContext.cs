using System.Text.Json;
using System.Text.Json.Serialization;

namespace Edge.Contracts.Agent;

/// <summary>Source-generated JSON of edge-agent's kiosk-side outbox events the product catalog and prize budget down messages.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ProductCatalogUpdate))]
[JsonSerializable(typeof(PrizeBudgetUpdate))]
[JsonSerializable(typeof(CouponSavedEvent))]
[JsonSerializable(typeof(PrizeDrawEvent))]
[JsonSerializable(typeof(ReviewPostedEvent))]
public sealed partial class AgentEventJsonContext : JsonSerializerContext;
