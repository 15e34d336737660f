namespace Edge.CloudSync.Outbox;

/// <summary>A stored outbox message, in the order it must reach the cloud within its stream.</summary>
internal sealed record OutboxEntry(
    long Id,
    string Stream,
    long Sequence,
    string MessageId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    string ContentType,
    byte[] Payload);
