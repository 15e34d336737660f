using System.Text.Json;

namespace Edge.Contracts.Cloud;

/// <summary>
/// The envelope a local producer publishes to <c>store/outbox/{stream}</c> (QoS 1, JSON, camelCase,
/// <see cref="CloudJsonContext"/>) for cloud-sync to carry to the cloud.
/// <list type="bullet">
/// <item><see cref="MessageId"/>: the idempotency key, unique across the hub and stable when the producer re-sends the
/// same event (for example "edge-agent:redemption:{id}" or a GUID stored with the event). 1-128 characters of
/// [A-Za-z0-9._:-]. A second publish with the same id is stored once and reaches the cloud once.</item>
/// <item><see cref="Type"/>: what happened ("coupon.redeemed"), 1-64 characters of [a-z0-9._-].</item>
/// <item><see cref="OccurredAt"/>: the producer's clock when it happened (the cloud corrects hub clock skew with
/// <see cref="UpBatch.SentAt"/>).</item>
/// <item><see cref="ExpiresAt"/>: optional; after it the event is worthless and is dropped unsent (and the MQTT 5
/// message expiry makes the cloud broker drop it too).</item>
/// <item><see cref="Body"/>: a JSON object, the event itself.</item>
/// </list>
/// The whole payload is at most <see cref="CloudEnvelopeRules.MaxOutboxEventBytes"/>. Anything that breaks these rules is
/// refused and counted by cloud-sync, never stored.
/// </summary>
public sealed record OutboxEvent(string MessageId, string Type, DateTimeOffset OccurredAt, JsonElement Body, DateTimeOffset? ExpiresAt = null);
