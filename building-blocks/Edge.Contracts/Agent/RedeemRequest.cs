namespace Edge.Contracts.Agent;

/// <summary>The POS redeems a coupon in a transaction. Re-sending the same pair is safe (answered as before).</summary>
public sealed record RedeemRequest(string CouponId, string PosTransactionId);
