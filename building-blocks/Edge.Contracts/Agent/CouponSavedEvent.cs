namespace Edge.Contracts.Agent;

/// <summary>Outbox stream <see cref="OutboxStreams.CouponSaves"/>: a member saved a coupon to their app at a kiosk. Message id "coupon-saved:{CouponId}".</summary>
public sealed record CouponSavedEvent(string CouponId, string OfferId, string MemberId, string KioskId, DateTimeOffset ValidUntil, DateTimeOffset At);
