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
    long? KioskSessions,
    string CloudStatus)
{
    public static BusinessFigures Unavailable(long? membersPresent, string status) => new(membersPresent, null, null, null, null, status);
}
