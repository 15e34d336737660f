namespace Edge.Contracts.Agent;

public enum CouponStatus
{
    Issued,
    SavedToApp,
    Redeemed,
    Expired,
}
