namespace Edge.Agent.Products;

internal static partial class ProductsLog
{
    [LoggerMessage(2800, LogLevel.Information, "Product catalog {Source}: {Applied} products applied, {Rejected} refused (full = {Full})")]
    public static partial void CatalogApplied(ILogger logger, string source, int applied, int rejected, bool full);

    [LoggerMessage(2801, LogLevel.Warning, "Product {ProductId} refused: {Reason}")]
    public static partial void ProductRefused(ILogger logger, string productId, string reason);

    [LoggerMessage(2802, LogLevel.Warning, "Product catalog message refused: {Reason}")]
    public static partial void MessageRefused(ILogger logger, string reason);

    [LoggerMessage(2803, LogLevel.Warning, "Product seed file {Path} not loaded: {Reason}")]
    public static partial void SeedRefused(ILogger logger, string path, string reason);
}
