namespace Edge.Contracts.Cloud;

/// <summary>
/// One MQTT message on retail/v1/{store}/up/{stream} (QoS 1): consecutive messages of one stream, in sequence
/// order. The cloud de-duplicates by <see cref="UpMessage.MessageId"/> (a batch may be re-sent after a reconnect or a
/// restart, whole or in part) and orders by <see cref="UpMessage.Sequence"/> (gap-free from 1 per stream, except where
/// the hub's quota policy dropped telemetry or a time-bound message expired unsent: <see cref="UpMessage.Sequence"/>
/// then jumps). <see cref="SentAt"/> is the hub's clock at send: the cloud's receive time minus it estimates the hub's
/// clock skew, to correct <see cref="UpMessage.CreatedAt"/> and the events' own timestamps.
/// </summary>
public sealed record UpBatch(string StoreId, string HubId, string Stream, DateTimeOffset SentAt, IReadOnlyList<UpMessage> Messages);
