using Edge.Agent.Offers;
using Edge.Agent.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Agent.Tests.Offers;

public sealed class OfferCatalogTests
{
    [Fact]
    public void Validate_ContradictoryOffers_RefusedCountedOthersKept()
    {
        var counters = new AgentCounters();
        var good = Catalogs.Offer("good");
        var offers = new OfferDefinition?[]
        {
            good,
            good with { OfferId = "ends-before-start", ValidTo = good.ValidFrom.AddDays(-1) },
            good with { OfferId = "percent-over-100", DiscountValue = 150 },
            good with { OfferId = "day-cap-over-budget", Budget = 5, PerDayCap = 10 },
            good with { OfferId = "applies-to-nothing", Category = null, ProductId = null },
            good, // duplicate id
            null,
        };

        var accepted = OfferCatalog.Validate(offers, counters, NullLogger.Instance);

        Assert.Equal(["good"], accepted.Select(o => o.OfferId));
        Assert.Equal(6, counters.Get("offers.catalog_rejected"));
        Assert.Contains("not after", OfferCatalog.Check(offers[1]!), StringComparison.Ordinal);
        Assert.Contains("exceeds the whole budget", OfferCatalog.Check(offers[3]!), StringComparison.Ordinal);
    }
}
