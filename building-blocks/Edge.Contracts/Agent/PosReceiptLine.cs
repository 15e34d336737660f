namespace Edge.Contracts.Agent;

public sealed record PosReceiptLine(string ProductId, string? Category, decimal Quantity, decimal UnitPrice);
