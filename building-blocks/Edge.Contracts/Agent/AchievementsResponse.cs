namespace Edge.Contracts.Agent;

/// <summary>The member's badges and running challenges.</summary>
public sealed record AchievementsResponse(IReadOnlyList<BadgeView> Badges, IReadOnlyList<ChallengeView> Challenges);
