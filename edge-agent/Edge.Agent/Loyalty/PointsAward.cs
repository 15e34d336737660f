namespace Edge.Agent.Loyalty;

/// <summary>The pending points an award added (or added the first time, for a duplicate).</summary>
internal sealed record PointsAward(long Points, PointsAwardStatus Status);
