using System.Text.Json;
using System.Text.Json.Serialization;

namespace Edge.Agent.Loyalty;

/// <summary>Source-generated JSON of the loyalty outbox events.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PunchCardStampedEvent))]
[JsonSerializable(typeof(PointsPendingEvent))]
internal sealed partial class LoyaltyJsonContext : JsonSerializerContext;
