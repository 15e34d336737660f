namespace Edge.Contracts.Agent;

/// <summary>Outbox stream <see cref="OutboxStreams.Reviews"/>: a published review (moderated text). Message id "review:{ReviewId}".</summary>
public sealed record ReviewPostedEvent(string ReviewId, string ProductId, string MemberId, int Rating, string Text, bool VerifiedPurchase, string KioskId, DateTimeOffset At);
