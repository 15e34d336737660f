using System.Text.Json;
using Edge.Agent.Offers;
using Edge.Agent.Tests.Support;
using Edge.Contracts.Cloud;
using Edge.TestKit;

namespace Edge.Agent.Tests.Offers;

/// <summary>
/// The cloud's offer catalog through the real agent and broker. Bad inputs tried: a payload that is not JSON, a body
/// that is an array, a body without an offers list, a catalog whose only offer ends before it starts, a replayed and
/// an older sequence, and an invalid offer next to a valid one.
/// </summary>
public sealed class CloudOfferCatalogTests
{
    private static JsonElement Body(params OfferDefinition[] offers) =>
        JsonSerializer.SerializeToElement(new OfferCatalogUpdate(offers), OffersJsonContext.Default.OfferCatalogUpdate);

    private static string[] Ids(CloudContentHarness h) => h.Agent.Get<OfferCatalog>().Offers.Select(o => o.OfferId).ToArray();

    [RequiresMosquittoFact]
    public async Task HandleAsync_NewerCatalog_ReplacesOffersAndReplayOrOlderSequenceDoesNot()
    {
        await using var h = await CloudContentHarness.StartAsync();
        Assert.Equal(["o-shipped"], Ids(h));

        var broken = Catalogs.Offer("o-broken") with { ValidTo = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero) };
        await h.PublishDownAsync(DownKinds.OfferCatalog, 5, Body(Catalogs.Offer("o-a"), broken, Catalogs.Offer("o-b")));
        await Eventually.TrueAsync(() => h.Agent.Counters.Get("offers.cloud_catalog_applied") == 1, "catalog applied");
        Assert.Equal(["o-a", "o-b"], Ids(h));
        Assert.Equal(1, h.Agent.Counters.Get("offers.catalog_rejected"));

        await h.PublishDownAsync(DownKinds.OfferCatalog, 5, Body(Catalogs.Offer("o-replay")));
        await h.PublishDownAsync(DownKinds.OfferCatalog, 4, Body(Catalogs.Offer("o-older")));
        await Eventually.TrueAsync(() => h.Agent.Counters.Get("offers.cloud_catalog_duplicate") == 2, "replay and older counted");
        Assert.Equal(["o-a", "o-b"], Ids(h));

        await h.PublishDownAsync(DownKinds.OfferCatalog, 6, Body());
        await Eventually.TrueAsync(() => h.Agent.Counters.Get("offers.cloud_catalog_applied") == 2, "empty catalog applied");
        Assert.Empty(Ids(h));
    }

    [RequiresMosquittoFact]
    public async Task HandleAsync_MalformedOrAllRefused_CountedAndOldCatalogStays()
    {
        await using var h = await CloudContentHarness.StartAsync();
        var topic = CloudTopics.LocalDownFor(DownKinds.OfferCatalog);

        await h.Bus.PublishRawAsync(topic, "{not json");
        await h.PublishDownAsync(DownKinds.OfferCatalog, 1, JsonDocument.Parse("[1]").RootElement);
        await h.PublishDownAsync(DownKinds.OfferCatalog, 2, JsonDocument.Parse("""{"other":[]}""").RootElement);
        await h.PublishDownAsync(DownKinds.OfferCatalog, 3, Body(Catalogs.Offer("o-bad") with { DiscountValue = 150m }));
        await Eventually.TrueAsync(
            () => h.Agent.Counters.Get("offers.cloud_catalog_malformed") == 3 && h.Agent.Counters.Get("offers.cloud_catalog_refused") == 1, "bad catalogs counted");

        Assert.Equal(["o-shipped"], Ids(h));
        Assert.Equal(0, h.Agent.Counters.Get("offers.cloud_catalog_applied"));
    }

    [RequiresMosquittoFact]
    public async Task RestartAsync_AfterCloudCatalog_ServesCloudCatalogNotShippedFile()
    {
        await using var h = await CloudContentHarness.StartAsync();
        await h.PublishDownAsync(DownKinds.OfferCatalog, 7, Body(Catalogs.Offer("o-cloud")));
        await Eventually.TrueAsync(() => h.Agent.Counters.Get("offers.cloud_catalog_applied") == 1, "catalog applied");

        await h.RestartAsync();
        Assert.Equal(["o-cloud"], Ids(h));
        Assert.Equal(7, h.Agent.Get<OfferCatalog>().Sequence);

        // Still once per sequence across the restart.
        await h.PublishDownAsync(DownKinds.OfferCatalog, 7, Body(Catalogs.Offer("o-replay")));
        await Eventually.TrueAsync(() => h.Agent.Counters.Get("offers.cloud_catalog_duplicate") == 1, "replay after restart counted");
        Assert.Equal(["o-cloud"], Ids(h));
    }
}
