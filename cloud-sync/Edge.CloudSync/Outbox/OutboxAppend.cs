namespace Edge.CloudSync.Outbox;

/// <summary>
/// A message to send up. <see cref="MessageId"/> is the idempotency key the cloud de-duplicates by: the producer's
/// own id when it has one (so a re-sent local event is appended once), otherwise generated at append.
/// </summary>
internal sealed record OutboxAppend(
    string Stream,
    string MessageId,
    ReadOnlyMemory<byte> Payload,
    string ContentType = "application/json",
    DateTimeOffset? ExpiresAt = null);
