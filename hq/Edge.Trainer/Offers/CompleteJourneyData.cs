namespace Edge.Trainer.Offers;

/// <summary>The Complete Journey tables the offer model needs, parsed into arrays.</summary>
internal sealed record CompleteJourneyData(
    IReadOnlyDictionary<int, Campaign> Campaigns,
    (int Campaign, int Household)[] Targeted,
    Redemption[] Redemptions,
    IReadOnlyDictionary<int, string[]> Demographics,
    string[] DemographicColumns,
    Purchase[] Purchases,
    IReadOnlyDictionary<int, HashSet<long>> CouponProducts,
    IReadOnlyDictionary<long, string> ProductDepartments);
