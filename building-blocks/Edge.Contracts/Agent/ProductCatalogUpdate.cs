namespace Edge.Contracts.Agent;

/// <summary>
/// Body of the down kind <see cref="Cloud.DownKinds.ProductCatalog"/> (forwarded by cloud-sync as a
/// <see cref="Cloud.LocalDownEvent"/> on store/down/product-catalog), and the format of edge-agent's catalog seed file.
/// <see cref="Full"/> true: the list is the whole catalog (products not in it are removed); false: upserts only.
/// </summary>
public sealed record ProductCatalogUpdate(bool Full, IReadOnlyList<CatalogProduct> Products);
