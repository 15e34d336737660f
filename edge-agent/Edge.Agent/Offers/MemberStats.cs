namespace Edge.Agent.Offers;

/// <summary>What the hub knows of a member's history, for the model's household features (all from this hub's own records).</summary>
internal sealed record MemberStats(int CouponsReceived, int CouponsRedeemed, int Lines, double Spend, IReadOnlyDictionary<string, int> Departments)
{
    public static MemberStats Empty { get; } = new(0, 0, 0, 0, new Dictionary<string, int>());
}
