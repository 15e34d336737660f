namespace Edge.Contracts.Presence;

/// <summary>The member has stayed in the zone since <see cref="Since"/> for at least the configured dwell time. Sent once per stay.</summary>
public sealed record MemberDwelled(string EventId, string MemberId, string Zone, double Confidence, DateTimeOffset OccurredAt, DateTimeOffset Since)
    : PresenceEvent(EventId, MemberId, Zone, Confidence, OccurredAt);
