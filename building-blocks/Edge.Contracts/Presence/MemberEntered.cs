namespace Edge.Contracts.Presence;

/// <summary>The member was first placed in <see cref="PresenceEvent.Zone"/> after being absent.</summary>
public sealed record MemberEntered(string EventId, string MemberId, string Zone, double Confidence, DateTimeOffset OccurredAt, double DistanceMeters)
    : PresenceEvent(EventId, MemberId, Zone, Confidence, OccurredAt);
