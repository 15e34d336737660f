namespace Edge.Contracts.Agent;

/// <summary>
/// Outbox stream <see cref="OutboxStreams.Points"/>: points earned on this hub, pending until the cloud confirms.
/// <see cref="Source"/> is "check-in" or "spin"; <see cref="EventId"/> (the message id) is "check-in:{member}:{day}" or "spin:{spinId}".
/// </summary>
public sealed record PointsAwardedEvent(string EventId, string MemberId, string Source, int Points, DateOnly StoreDay, DateTimeOffset At);
