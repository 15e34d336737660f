using System.Text.Json;
using Edge.Agent.Bus;
using Edge.Agent.Storage;
using Edge.Contracts.Agent;
using Edge.Contracts.Cloud;
using Edge.Messaging;

namespace Edge.Agent.Products;

/// <summary>
/// The cloud's product catalog, as cloud-sync forwards it once accepted: a <see cref="LocalDownEvent"/> on
/// store/down/product-catalog whose body is a <see cref="ProductCatalogUpdate"/>. Applied once per sequence (the
/// last applied sequence is stored with the change, so a re-delivery after a restart is ignored). A malformed
/// message is dropped and counted; bad products inside a good message are refused one by one.
/// </summary>
internal sealed class ProductCatalogHandler(AgentWriter writer, ProductCatalogStore store, AgentCounters counters, ILogger<ProductCatalogHandler> logger) : IBusHandler
{
    public string TopicFilter => CloudTopics.LocalDownFor(DownKinds.ProductCatalog);

    public async Task HandleAsync(MqttMessage message, CancellationToken cancellationToken)
    {
        LocalDownEvent? down;
        ProductCatalogUpdate? update;
        try
        {
            down = JsonSerializer.Deserialize(message.Payload.Span, CloudJsonContext.Default.LocalDownEvent);
            update = down is { Body.ValueKind: JsonValueKind.Object } ? down.Body.Deserialize(ProductsJsonContext.Default.ProductCatalogUpdate) : null;
        }
        catch (JsonException e)
        {
            (down, update) = (null, null);
            ProductsLog.MessageRefused(logger, e.Message);
        }

        // No product list at all is malformed, not "an empty full catalog" that would erase the store's products.
        if (down is null || update?.Products is null || down.Sequence < 1)
        {
            counters.Increment("products.message_malformed");
            ProductsLog.MessageRefused(logger, "not a product catalog with a sequence number");
            return;
        }

        var result = await writer.WriteAsync(tx =>
        {
            if (down.Sequence <= tx.Long("SELECT last_seq FROM product_sync WHERE id = 1;"))
            {
                return ((int Applied, int Rejected)?)null;
            }

            var r = store.Apply(tx, update);
            tx.Execute("UPDATE product_sync SET last_seq = $1 WHERE id = 1;", down.Sequence);
            return r;
        }, cancellationToken).ConfigureAwait(false);
        if (result is not { } applied)
        {
            counters.Increment("products.message_duplicate");
            return;
        }

        counters.Increment("products.catalog_applied");
        ProductsLog.CatalogApplied(logger, "from the cloud", applied.Applied, applied.Rejected, update.Full);
    }
}
