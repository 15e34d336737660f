namespace Edge.FleetDashboard.Business;

/// <summary>
/// (Public only because the pages show it.) A store's business figures. Null means the figure is unknown (the panel
/// says why); <see cref="CloudStatus"/> says whether the cloud's records could be read at all. Counts are of distinct
/// idempotency keys, so a re-sent event never counts twice.
/// </summary>
public sealed record BusinessFigures(
    long? MembersPresent,
    OfferFigures? Offers,
    AlertFigures? Alerts,
    long? ProofOfPlay,
    string CloudStatus)
{
    /// <summary>No service publishes kiosk sessions (kiosk-ui keeps them in memory, edge-agent logs logins only).</summary>
    public const string KioskSessionsUnavailable = "n/a (no service publishes kiosk sessions yet)";

    public static BusinessFigures Unavailable(long? membersPresent, string status) => new(membersPresent, null, null, null, status);
}
