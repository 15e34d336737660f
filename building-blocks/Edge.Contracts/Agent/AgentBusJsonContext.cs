using System.Text.Json;
using System.Text.Json.Serialization;

namespace Edge.Contracts.Agent;

/// <summary>Source-generated JSON of edge-agent's local-bus messages (camelCase, enums as strings).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(MemberDelta))]
[JsonSerializable(typeof(MemberKeysUpdate))]
[JsonSerializable(typeof(OfferIssued))]
[JsonSerializable(typeof(StaffAlert))]
[JsonSerializable(typeof(StaffAlertClosed))]
[JsonSerializable(typeof(OfferDecisionEvent))]
[JsonSerializable(typeof(RedemptionEvent))]
[JsonSerializable(typeof(AlertOutcomesEvent))]
[JsonSerializable(typeof(HoldoutConversionEvent))]
[JsonSerializable(typeof(KioskSessionEvent))]
public sealed partial class AgentBusJsonContext : JsonSerializerContext;
