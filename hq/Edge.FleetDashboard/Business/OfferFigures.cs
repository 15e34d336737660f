namespace Edge.FleetDashboard.Business;

/// <summary>
/// (Public only because the pages show it.) Offers of one store from the cloud's records. Treated: decisions that issued
/// a coupon, and the redemptions of those coupons. Holdout: control decisions that name the offer the member would have
/// been given, and those whose member then bought it within the would-be validity (holdout-conversions). Decisions that
/// gave nothing (cooldown, nothing eligible) are in neither group. Definitions in hq/README.md, "Uplift".
/// </summary>
public sealed record OfferFigures(long Issued, long Redeemed, long Holdout, long HoldoutConverted)
{
    /// <summary>Redemptions per coupon issued.</summary>
    public double? RedemptionRate => Issued > 0 ? (double)Redeemed / Issued : null;

    /// <summary>Holdout decisions whose member bought the would-be offer's product, per holdout decision with an offer.</summary>
    public double? HoldoutConversionRate => Holdout > 0 ? (double)HoldoutConverted / Holdout : null;

    /// <summary>Treated redemption rate minus holdout conversion rate (in rate points); null while either group is empty.</summary>
    public double? Uplift => RedemptionRate is { } treated && HoldoutConversionRate is { } baseline ? treated - baseline : null;
}
