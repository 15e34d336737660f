namespace Edge.Contracts.Agent;

/// <summary>One product of a <see cref="ProductCatalogUpdate"/>. <see cref="Specs"/>: a few key specs (name to value) for the kiosk.</summary>
public sealed record CatalogProduct(
    string ProductId,
    string Name,
    string Category,
    decimal Price,
    string? Brand = null,
    string? Aisle = null,
    IReadOnlyDictionary<string, string>? Specs = null,
    int OnHand = 0,
    IReadOnlyList<NearbyStock>? Nearby = null);
