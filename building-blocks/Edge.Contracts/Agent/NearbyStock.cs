namespace Edge.Contracts.Agent;

/// <summary>Stock of a product in a nearby store, as the cloud last reported it (<see cref="ProductCatalogUpdate"/>).</summary>
public sealed record NearbyStock(string StoreId, string? StoreName, int OnHand);
