using System.Text.Json;

namespace Edge.Contracts.Agent;

/// <summary>
/// One business event for the cloud. <see cref="MessageId"/> is the idempotency key (deterministic per fact, e.g.
/// "redemption:{couponId}"), so a re-published event is appended once by cloud-sync and de-duplicated by the cloud.
/// <see cref="Data"/> is the stream's event record as JSON.
/// </summary>
public sealed record OutboxEnvelope(string MessageId, string Stream, DateTimeOffset OccurredAt, JsonElement Data);
