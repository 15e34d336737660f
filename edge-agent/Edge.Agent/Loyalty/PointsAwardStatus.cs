namespace Edge.Agent.Loyalty;

internal enum PointsAwardStatus
{
    /// <summary>All points asked for are pending.</summary>
    Added,

    /// <summary>This (source, reference) was awarded before; <see cref="PointsAward.Points"/> is what it got then.</summary>
    Duplicate,

    /// <summary>The member's daily cap allowed fewer points (maybe none).</summary>
    Capped,

    /// <summary>No such member in the cache (or revoked): nothing awarded.</summary>
    UnknownMember,
}
