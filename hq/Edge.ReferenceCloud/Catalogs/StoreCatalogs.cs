using System.Text.Json;
using Edge.Contracts.Agent;
using Edge.Contracts.Cloud;
using Edge.ReferenceCloud.Downstream;

namespace Edge.ReferenceCloud.Catalogs;

/// <summary>
/// Offer catalogs, product catalogs and prize budgets for a store, checked here so that a demo or test learns of a
/// mistake from the API (an <see cref="ArgumentException"/> with the reason) rather than from the hub's dead letters,
/// then sent as signed, per-kind sequenced down messages. The hub checks every item again.
/// </summary>
internal sealed class StoreCatalogs(DownPublisher publisher)
{
    /// <summary>
    /// <paramref name="offers"/> is edge-agent's catalog file format (an array of offers; or an object with an
    /// "offers" array); the down body is <c>{"offers":[...]}</c> because a down body must be a JSON object.
    /// </summary>
    public Task<(string MessageId, long Sequence)> PublishOffersAsync(string storeId, JsonElement offers, CancellationToken cancellationToken)
    {
        if (offers.ValueKind == JsonValueKind.Object && offers.TryGetProperty("offers", out var inner))
        {
            offers = inner;
        }

        if (offers.ValueKind != JsonValueKind.Array)
        {
            throw new ArgumentException("the body must be an array of offers (edge-agent's catalog file format) or {\"offers\":[...]}", nameof(offers));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var offer in offers.EnumerateArray())
        {
            var id = offer.ValueKind == JsonValueKind.Object && offer.TryGetProperty("offerId", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null;
            var title = offer.ValueKind == JsonValueKind.Object && offer.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(title))
            {
                throw new ArgumentException($"offer #{index} has no offerId or title", nameof(offers));
            }

            if (!ids.Add(id))
            {
                throw new ArgumentException($"offer '{id}' appears twice", nameof(offers));
            }

            index++;
        }

        using var body = new MemoryStream();
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("offers");
            offers.WriteTo(writer);
            writer.WriteEndObject();
        }

        return publisher.PublishAsync(storeId, DownKinds.OfferCatalog, body.ToArray(), null, cancellationToken);
    }

    public Task<(string MessageId, long Sequence)> PublishProductsAsync(string storeId, ProductCatalogUpdate update, CancellationToken cancellationToken)
    {
        if (update.Products is null)
        {
            throw new ArgumentException("products is required (an empty list with full=false changes nothing; with full=true it empties the catalog)", nameof(update));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in update.Products)
        {
            if (p is null || string.IsNullOrWhiteSpace(p.ProductId) || string.IsNullOrWhiteSpace(p.Name) || string.IsNullOrWhiteSpace(p.Category) || p.Price < 0 || p.OnHand < 0)
            {
                throw new ArgumentException($"product '{p?.ProductId}' needs productId, name, category, a price and stock of at least 0", nameof(update));
            }

            if (!ids.Add(p.ProductId))
            {
                throw new ArgumentException($"product '{p.ProductId}' appears twice", nameof(update));
            }
        }

        return publisher.PublishAsync(storeId, DownKinds.ProductCatalog, JsonSerializer.SerializeToUtf8Bytes(update, AgentEventJsonContext.Default.ProductCatalogUpdate), null, cancellationToken);
    }

    public Task<(string MessageId, long Sequence)> PublishPrizeBudgetAsync(string storeId, PrizeBudgetUpdate update, CancellationToken cancellationToken)
    {
        if (update.Amount < 0)
        {
            throw new ArgumentException($"amount {update.Amount} is negative", nameof(update));
        }

        return publisher.PublishAsync(storeId, DownKinds.PrizeBudget, JsonSerializer.SerializeToUtf8Bytes(update, AgentEventJsonContext.Default.PrizeBudgetUpdate), null, cancellationToken);
    }
}
