namespace Edge.Contracts.Presence;

/// <summary>Alarm: a store beacon has not been heard for longer than configured (battery dead, removed, broken).</summary>
public sealed record StoreBeaconSilent(string EventId, string BeaconId, DateTimeOffset OccurredAt, DateTimeOffset? LastSeenAt, TimeSpan SilentFor)
    : StoreBeaconEvent(EventId, BeaconId, OccurredAt);
