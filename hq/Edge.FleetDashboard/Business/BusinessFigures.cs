namespace Edge.FleetDashboard.Business;

/// <summary>
/// (Public only because the pages show it.) A store's business figures. Null means nobody publishes the figure yet
/// (the panel says "no data yet"); <see cref="CloudStatus"/> says whether the cloud's records could be read at all.
/// </summary>
public sealed record BusinessFigures(
    long? MembersPresent,
    long? OffersIssued,
    long? HoldoutDecisions,
    long? Redemptions,
    long? StaffAlertOutcomes,
    long? ProofOfPlay,
    long? KioskSessions,
    string CloudStatus)
{
    /// <summary>Redemptions per offer issued to the treated group.</summary>
    public double? RedemptionRate => OffersIssued is > 0 && Redemptions is { } r ? (double)r / OffersIssued.Value : null;

    /// <summary>
    /// Treated redemption rate minus the holdout group's rate of buying the offered product without a coupon. Nobody
    /// publishes the holdout group's purchases yet (edge-agent sends only the holdout decisions), so this stays null.
    /// </summary>
    public double? Uplift => null;
}
