using System.Text.Json;

namespace Edge.Contracts.Cloud;

/// <summary>One outbox message inside an <see cref="UpBatch"/>: the producer's <see cref="OutboxEvent"/> as <see cref="Event"/>, with the hub's sequence and append time.</summary>
public sealed record UpMessage(string MessageId, long Sequence, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, JsonElement Event);
