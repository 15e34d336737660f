using System.Globalization;
using System.Text.Json;
using Edge.Agent.Api;
using Edge.Agent.Storage;
using Edge.Contracts.Agent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Products;

/// <summary>
/// The product catalog in SQLite (table products). Updates are applied in the one writer; each product is checked on
/// its own, so one bad entry is refused (logged, counted) and the rest applied. Reads for search and lookup.
/// </summary>
internal sealed class ProductCatalogStore(AgentDatabase database, IOptions<ProductsOptions> options, AgentCounters counters, ILogger<ProductCatalogStore> logger)
{
    private const string Columns = "product_id, name, category, brand, price, aisle, specs, on_hand, nearby";

    /// <summary>Applies <paramref name="update"/> inside the writer's transaction; returns (applied, refused).</summary>
    public (int Applied, int Rejected) Apply(SqliteTransaction tx, ProductCatalogUpdate update)
    {
        var applied = 0;
        var rejected = 0;
        var keep = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in update.Products ?? [])
        {
            if (Check(p) is { } problem)
            {
                rejected++;
                counters.Increment("products.rejected");
                ProductsLog.ProductRefused(logger, p?.ProductId ?? "(none)", problem);
                continue;
            }

            keep.Add(p!.ProductId);
            tx.Execute(
                """
                INSERT INTO products(product_id, name, category, brand, price, aisle, specs, on_hand, nearby) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                ON CONFLICT(product_id) DO UPDATE SET name = $2, category = $3, brand = $4, price = $5, aisle = $6, specs = $7, on_hand = $8, nearby = $9;
                """,
                p.ProductId, p.Name.Trim(), p.Category.Trim(), p.Brand, p.Price.ToString(CultureInfo.InvariantCulture), p.Aisle,
                JsonSerializer.Serialize(new Dictionary<string, string>(p.Specs ?? new Dictionary<string, string>()), ProductsJsonContext.Default.DictionaryStringString),
                p.OnHand, JsonSerializer.Serialize((p.Nearby ?? []).ToArray(), ProductsJsonContext.Default.NearbyStockArray));
            applied++;
        }

        if (update.Full)
        {
            // A full catalog replaces the old one: what it does not list is no longer sold here.
            using var command = tx.Command("SELECT product_id FROM products;");
            var gone = new List<string>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    if (!keep.Contains(reader.GetString(0)))
                    {
                        gone.Add(reader.GetString(0));
                    }
                }
            }

            foreach (var id in gone)
            {
                tx.Execute("DELETE FROM products WHERE product_id = $1;", id);
            }
        }

        return (applied, rejected);
    }

    public int Count() => (int)database.Read(c => c.Long("SELECT count(*) FROM products;"));

    public ProductView? Find(string productId) => database.Read(c =>
    {
        using var command = c.Command("SELECT " + Columns + " FROM products WHERE product_id = $1;", productId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    });

    /// <summary>Products whose name or category contains <paramref name="query"/> (case-insensitive), in stock first, then by name.</summary>
    public IReadOnlyList<ProductView> Search(string query, int limit) => database.Read(c =>
    {
        using var command = c.Command(
            "SELECT " + Columns + " FROM products WHERE instr(lower(name), lower($1)) > 0 OR instr(lower(category), lower($1)) > 0 ORDER BY on_hand = 0, name LIMIT $2;",
            query, limit);
        using var reader = command.ExecuteReader();
        var list = new List<ProductView>();
        while (reader.Read())
        {
            list.Add(Read(reader));
        }

        return list;
    });

    internal static string? Check(CatalogProduct? p) => p switch
    {
        null => "empty entry",
        _ when !InputRules.IsId(p.ProductId) => "productId must be 1-128 printable characters without spaces",
        _ when string.IsNullOrWhiteSpace(p.Name) || p.Name.Length > 200 => "name must be 1-200 characters",
        _ when string.IsNullOrWhiteSpace(p.Category) || p.Category.Length > 100 => "category must be 1-100 characters",
        _ when p.Price is < 0 or > 10_000_000 => "price must be 0-10000000",
        _ when p.OnHand < 0 => "onHand must not be negative",
        _ when p.Brand is { Length: > 100 } || p.Aisle is { Length: > 32 } => "brand (100) or aisle (32) too long",
        _ when p.Specs is { Count: > 20 } || (p.Specs?.Any(s => s.Key.Length is 0 or > 50 || s.Value is null || s.Value.Length > 200) ?? false) => "at most 20 specs, names 1-50 and values up to 200 characters",
        _ when p.Nearby is { Count: > 20 } || (p.Nearby?.Any(n => n is null || !InputRules.IsId(n.StoreId) || n.OnHand < 0) ?? false) => "at most 20 nearby stores, each with a store id and onHand >= 0",
        _ => null,
    };

    private ProductView Read(SqliteDataReader r)
    {
        var onHand = (int)r.GetInt64(7);
        var stock = onHand == 0 ? StockLevel.OutOfStock : onHand <= options.Value.LowStockThreshold ? StockLevel.Low : StockLevel.InStock;
        return new ProductView(
            r.GetString(0), r.GetString(1), r.GetString(2), decimal.Parse(r.GetString(4), CultureInfo.InvariantCulture), r.IsDBNull(5) ? null : r.GetString(5), onHand, stock,
            r.IsDBNull(3) ? null : r.GetString(3),
            JsonSerializer.Deserialize(r.GetString(6), ProductsJsonContext.Default.DictionaryStringString),
            JsonSerializer.Deserialize(r.GetString(8), ProductsJsonContext.Default.NearbyStockArray));
    }
}
