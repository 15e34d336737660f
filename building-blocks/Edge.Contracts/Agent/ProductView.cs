namespace Edge.Contracts.Agent;

public sealed record ProductView(string ProductId, string Name, string Category, decimal Price, string? Aisle, int OnHand, StockLevel Stock);
