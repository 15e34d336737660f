using System.Text.Json;
using Edge.Agent.Bus;
using Edge.Agent.Storage;
using Edge.Contracts.Cloud;
using Edge.Messaging;

namespace Edge.Agent.Offers;

/// <summary>
/// The cloud's offer catalog, as cloud-sync forwards it: a <see cref="LocalDownEvent"/> on store/down/offer-catalog
/// whose body is an <see cref="OfferCatalogUpdate"/> with the whole catalog. Applied once per sequence (stored with
/// the catalog, so a replay after a restart is ignored). Each offer is checked with <see cref="OfferCatalog.Validate"/>
/// and a bad one is refused alone; a malformed message, or one whose every offer is refused, is counted and leaves
/// the current catalog serving (an empty list is a valid "no offers now").
/// </summary>
internal sealed class CloudOfferCatalogHandler(OfferCatalog catalog, AgentWriter writer, AgentCounters counters, ILogger<CloudOfferCatalogHandler> logger) : IBusHandler
{
    public string TopicFilter => CloudTopics.LocalDownFor(DownKinds.OfferCatalog);

    public async Task HandleAsync(MqttMessage message, CancellationToken cancellationToken)
    {
        // No offers list at all is malformed, not "an empty catalog" that would end every campaign.
        if (DownBody.Read(message.Payload.Span, OffersJsonContext.Default.OfferCatalogUpdate, out var error) is not ({ } down, { Offers: { } offers }))
        {
            Refuse("offers.cloud_catalog_malformed", error ?? "the body has no offers list");
            return;
        }

        if (down.Sequence <= catalog.Sequence)
        {
            counters.Increment("offers.cloud_catalog_duplicate");
            return;
        }

        var accepted = OfferCatalog.Validate(offers, counters, logger);
        if (accepted.Count == 0 && offers.Length > 0)
        {
            Refuse("offers.cloud_catalog_refused", $"all {offers.Length} offers were refused");
            return;
        }

        var json = JsonSerializer.Serialize(accepted.ToArray(), OffersJsonContext.Default.OfferDefinitionArray);
        var stored = await writer.WriteAsync(tx =>
        {
            if (down.Sequence <= CloudContent.LastSequence(tx, CloudContent.OfferCatalog))
            {
                return false;
            }

            CloudContent.Write(tx, CloudContent.OfferCatalog, down.Sequence, json);
            return true;
        }, cancellationToken).ConfigureAwait(false);

        // Swapped only once stored, so what is served is what a restart serves.
        if (!stored || !catalog.Replace(accepted, down.Sequence))
        {
            counters.Increment("offers.cloud_catalog_duplicate");
            return;
        }

        counters.Increment("offers.cloud_catalog_applied");
        OffersLog.CloudCatalogApplied(logger, down.Sequence, accepted.Count, offers.Length - accepted.Count);
    }

    private void Refuse(string counter, string reason)
    {
        counters.Increment(counter);
        OffersLog.CloudCatalogRefused(logger, reason);
    }
}
