namespace Edge.Kiosk.Signage;

/// <summary>One slide shown to the end on this kiosk. <see cref="PlayId"/> is unique and becomes the outbox idempotency key.</summary>
internal sealed record ProofOfPlayRecord(string PlayId, string ItemId, DateTimeOffset StartedAt, DateTimeOffset EndedAt);
