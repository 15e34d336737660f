using System.Text.Json.Serialization;

namespace Edge.Contracts.Presence;

/// <summary>
/// A consented member's presence change in a store zone, published by beacon-gateway on the local bus (QoS 1).
/// <see cref="EventId"/> is the idempotency key. Carries the member id only: no device address, RSSI trace or
/// payload ever leaves the gateway.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(MemberEntered), "entered")]
[JsonDerivedType(typeof(MemberMoved), "moved")]
[JsonDerivedType(typeof(MemberDwelled), "dwelled")]
[JsonDerivedType(typeof(MemberLeft), "left")]
public abstract record PresenceEvent(string EventId, string MemberId, string Zone, double Confidence, DateTimeOffset OccurredAt);
