namespace Edge.Contracts.Presence;

/// <summary>The member has not been heard for the configured silence; <see cref="PresenceEvent.Zone"/> is the last zone.</summary>
public sealed record MemberLeft(string EventId, string MemberId, string Zone, double Confidence, DateTimeOffset OccurredAt, DateTimeOffset LastSeenAt)
    : PresenceEvent(EventId, MemberId, Zone, Confidence, OccurredAt);
