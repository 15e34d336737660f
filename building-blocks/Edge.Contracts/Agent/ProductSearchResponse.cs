namespace Edge.Contracts.Agent;

public sealed record ProductSearchResponse(IReadOnlyList<ProductView> Products);
