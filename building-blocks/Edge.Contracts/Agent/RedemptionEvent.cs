namespace Edge.Contracts.Agent;

/// <summary>Outbox stream <see cref="OutboxStreams.Redemptions"/>: a coupon redeemed at the POS. Message id "redemption:{CouponId}".</summary>
public sealed record RedemptionEvent(string CouponId, string OfferId, string MemberId, string PosTransactionId, DateTimeOffset At);
