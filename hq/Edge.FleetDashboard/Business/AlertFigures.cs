namespace Edge.FleetDashboard.Business;

/// <summary>
/// (Public only because the pages show it.) Staff alerts of one store, added up from edge-agent's hourly aggregates
/// (stream alert-outcomes, one per hour). The mean time to claim is exact: the sum of each hour's total seconds over
/// the claims of those hours; hours from hubs that send no total are left out of it (<see cref="ClaimsTimed"/>).
/// </summary>
public sealed record AlertFigures(long Hours, long Raised, long Claimed, long Escalated, long Expired, long Withdrawn, long ClaimsTimed, double? MeanSecondsToClaim)
{
    public double? ClaimRate => Raised > 0 ? (double)Claimed / Raised : null;
}
