namespace Edge.Kiosk.Signage;

/// <summary>The body of a "signage.played" outbox event (store/outbox/proof-of-play).</summary>
internal sealed record ProofOfPlayBody(string KioskId, string ItemId, DateTimeOffset StartedAt, DateTimeOffset EndedAt, double DurationSeconds);
