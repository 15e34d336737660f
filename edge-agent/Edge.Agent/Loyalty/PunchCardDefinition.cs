namespace Edge.Agent.Loyalty;

/// <summary>
/// One punch card of <c>EdgeAgent:Loyalty:PunchCards</c>: a purchase line whose product is in <see cref="ProductIds"/>
/// or whose category is in <see cref="Categories"/> earns a stamp per unit, at most <see cref="MaxStampsPerDay"/> a
/// store day; the <see cref="StampsRequired"/>th stamp completes the card ("every 5th free") and it starts again.
/// </summary>
internal sealed class PunchCardDefinition
{
    public string CardId { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Reward { get; set; } = string.Empty;

    public int StampsRequired { get; set; } = 5;

    public int MaxStampsPerDay { get; set; } = 1;

    public List<string> Categories { get; set; } = [];

    public List<string> ProductIds { get; set; } = [];

    public bool Matches(string productId, string? category) =>
        ProductIds.Contains(productId, StringComparer.Ordinal)
        || (category is not null && Categories.Contains(category, StringComparer.OrdinalIgnoreCase));
}
