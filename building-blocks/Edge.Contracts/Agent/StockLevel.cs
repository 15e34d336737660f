namespace Edge.Contracts.Agent;

public enum StockLevel
{
    InStock,
    Low,
    OutOfStock,
}
