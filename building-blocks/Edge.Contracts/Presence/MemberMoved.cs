namespace Edge.Contracts.Presence;

/// <summary>The member's zone changed from <see cref="FromZone"/> to <see cref="PresenceEvent.Zone"/> (after hysteresis).</summary>
public sealed record MemberMoved(string EventId, string MemberId, string Zone, double Confidence, DateTimeOffset OccurredAt, string FromZone, double DistanceMeters)
    : PresenceEvent(EventId, MemberId, Zone, Confidence, OccurredAt);
