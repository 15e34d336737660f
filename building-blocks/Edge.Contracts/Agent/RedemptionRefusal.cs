namespace Edge.Contracts.Agent;

public enum RedemptionRefusal
{
    /// <summary>No such coupon on this hub.</summary>
    UnknownCoupon,

    /// <summary>The coupon was already redeemed in another transaction.</summary>
    AlreadyRedeemed,

    /// <summary>Past the coupon's validity.</summary>
    Expired,

    /// <summary>The coupon's member revoked consent or left the programme.</summary>
    MemberRevoked,
}
