namespace Edge.Contracts.Agent;

/// <summary>
/// What a kiosk may show about the logged-in member: first name, tier, points (confirmed by the cloud and pending on
/// this hub) and punch cards. Never purchase history.
/// </summary>
public sealed record MemberSummary(string MemberId, string FirstName, string Tier, long Points, long PendingPoints, IReadOnlyList<PunchCardView> PunchCards);
