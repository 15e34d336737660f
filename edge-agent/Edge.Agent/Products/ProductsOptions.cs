using System.ComponentModel.DataAnnotations;

namespace Edge.Agent.Products;

/// <summary>Section <c>EdgeAgent:Products</c>: the product catalog the kiosk searches (filled by the cloud's product-catalog messages).</summary>
internal sealed class ProductsOptions
{
    public const string Section = "EdgeAgent:Products";

    /// <summary>Optional <c>ProductCatalogUpdate</c> JSON loaded at start while the catalog is still empty (demos, a hub not yet synced). Relative: under the app folder.</summary>
    public string? SeedFile { get; set; }

    /// <summary>On-hand at or below this (and above 0) shows as "low stock".</summary>
    [Range(0, 100_000)]
    public int LowStockThreshold { get; set; } = 5;
}
