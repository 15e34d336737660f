using Edge.Agent.Products;
using Edge.Agent.Storage;
using Edge.Contracts.Agent;

namespace Edge.Agent.Engagement;

/// <summary>
/// Members' wish lists (table wish_list; writes through the one writer). Adding is idempotent and refused past the
/// capacity inside the writer, so two kiosks cannot overfill a list. Products that left the catalog are not listed.
/// </summary>
internal sealed class WishListStore(AgentDatabase database, AgentWriter writer, ProductCatalogStore products, TimeProvider time)
{
    public IReadOnlyList<ProductView> List(string memberId)
    {
        var ids = database.Read(c =>
        {
            using var command = c.Command("SELECT product_id FROM wish_list WHERE member_id = $1 ORDER BY added_at DESC, rowid DESC;", memberId);
            using var reader = command.ExecuteReader();
            var list = new List<string>();
            while (reader.Read())
            {
                list.Add(reader.GetString(0));
            }

            return list;
        });
        return [.. ids.Select(products.Find).OfType<ProductView>()];
    }

    /// <summary>False when the list is full (the product was not on it).</summary>
    public Task<bool> AddAsync(string memberId, string productId, int capacity, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        return writer.WriteAsync(tx =>
        {
            if (tx.Long("SELECT count(*) FROM wish_list WHERE member_id = $1 AND product_id = $2;", memberId, productId) > 0)
            {
                return true;
            }

            if (tx.Long("SELECT count(*) FROM wish_list WHERE member_id = $1;", memberId) >= capacity)
            {
                return false;
            }

            tx.Execute("INSERT INTO wish_list(member_id, product_id, added_at) VALUES ($1, $2, $3);", memberId, productId, at);
            return true;
        }, cancellationToken);
    }

    /// <summary>False when the product was not on the list (removing is idempotent).</summary>
    public Task<bool> RemoveAsync(string memberId, string productId, CancellationToken cancellationToken) =>
        writer.WriteAsync(tx => tx.Execute("DELETE FROM wish_list WHERE member_id = $1 AND product_id = $2;", memberId, productId) > 0, cancellationToken);
}
