namespace Edge.Contracts.Agent;

/// <summary>
/// <see cref="Accepted"/> true: apply the discount. <see cref="Replay"/> true: this exact (coupon, transaction) was
/// already accepted; nothing new was recorded. Refused: <see cref="Refusal"/> and a readable <see cref="Reason"/>.
/// </summary>
public sealed record RedeemResponse(string CouponId, string PosTransactionId, bool Accepted, bool Replay, RedemptionRefusal? Refusal, string? Reason);
