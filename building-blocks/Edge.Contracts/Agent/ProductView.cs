namespace Edge.Contracts.Agent;

/// <summary>
/// A product at this store. <see cref="Brand"/>, <see cref="Specs"/> (a few key specs, name to value) and
/// <see cref="Nearby"/> (stock in nearby stores) are optional: older agents and fakes leave them out.
/// </summary>
public sealed record ProductView(
    string ProductId,
    string Name,
    string Category,
    decimal Price,
    string? Aisle,
    int OnHand,
    StockLevel Stock,
    string? Brand = null,
    IReadOnlyDictionary<string, string>? Specs = null,
    IReadOnlyList<NearbyStock>? Nearby = null);
