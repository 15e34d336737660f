namespace Edge.ReferenceCloud.Upstream;

/// <summary>One stored up-stream event, as the API returns it. <see cref="Event"/> is the producer's envelope as JSON.</summary>
internal sealed record ReceivedEvent(
    string MessageId, string Stream, long Sequence, DateTimeOffset CreatedAt, DateTimeOffset ReceivedAt, long ClockSkewMs, string Event);
