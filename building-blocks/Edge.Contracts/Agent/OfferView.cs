namespace Edge.Contracts.Agent;

/// <summary>A member-bound coupon for one catalog offer. <see cref="CouponId"/> is stable: the same decision never makes two coupons.</summary>
public sealed record OfferView(
    string CouponId,
    string OfferId,
    string Title,
    string? ProductId,
    string? Category,
    DiscountKind DiscountKind,
    decimal DiscountValue,
    DateTimeOffset ValidUntil,
    CouponStatus Status,
    DecisionSource DecidedBy);
