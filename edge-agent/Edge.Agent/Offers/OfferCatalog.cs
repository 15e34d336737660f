using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Offers;

/// <summary>
/// The offer catalog, loaded at start. Each offer is checked on its own: a contradictory one (ends before it starts,
/// percent over 100, caps that can never be met, no product and no category, duplicate id) is refused with a message
/// naming the offer and the rule, counted, and the others stay. A file that is not JSON leaves the catalog empty.
/// </summary>
internal sealed class OfferCatalog
{
    public OfferCatalog(IOptions<OffersOptions> options, IHostEnvironment environment, AgentCounters counters, ILogger<OfferCatalog> logger)
    {
        var path = Path.IsPathRooted(options.Value.CatalogFile) ? options.Value.CatalogFile : Path.Combine(environment.ContentRootPath, options.Value.CatalogFile);
        Offers = Load(path, counters, logger);
    }

    public OfferCatalog(IReadOnlyList<OfferDefinition> offers) => Offers = offers;

    public IReadOnlyList<OfferDefinition> Offers { get; }

    public static string? Check(OfferDefinition offer)
    {
        if (string.IsNullOrWhiteSpace(offer.OfferId) || string.IsNullOrWhiteSpace(offer.Title))
        {
            return "offerId and title are required";
        }

        if (offer.ValidTo <= offer.ValidFrom)
        {
            return $"validTo {offer.ValidTo:O} is not after validFrom {offer.ValidFrom:O}";
        }

        if (offer.ProductId is null && offer.Category is null)
        {
            return "neither productId nor category: the coupon would apply to nothing";
        }

        if (offer.DiscountValue <= 0 || (offer.DiscountKind == Contracts.Agent.DiscountKind.Percent && offer.DiscountValue > 100))
        {
            return $"discount {offer.DiscountValue} is outside (0, 100] percent or not positive";
        }

        if (offer.Budget < 1 || offer.PerDayCap < 1 || offer.PerMemberCap < 1)
        {
            return "budget, perDayCap and perMemberCap must be at least 1";
        }

        if (offer.PerDayCap > offer.Budget)
        {
            return $"perDayCap {offer.PerDayCap} exceeds the whole budget {offer.Budget}";
        }

        return offer.Value < 0 ? "value must not be negative" : null;
    }

    public static List<OfferDefinition> Validate(IEnumerable<OfferDefinition?> offers, AgentCounters counters, ILogger logger)
    {
        var accepted = new List<OfferDefinition>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var offer in offers)
        {
            var problem = offer is null ? "empty entry" : Check(offer) ?? (ids.Add(offer.OfferId) ? null : "duplicate offerId");
            if (problem is not null)
            {
                counters.Increment("offers.catalog_rejected");
                OffersLog.OfferRejected(logger, offer?.OfferId ?? "(none)", problem);
                continue;
            }

            accepted.Add(offer!);
        }

        return accepted;
    }

    private static List<OfferDefinition> Load(string path, AgentCounters counters, ILogger logger)
    {
        if (!File.Exists(path))
        {
            OffersLog.CatalogMissing(logger, path);
            return [];
        }

        try
        {
            var offers = JsonSerializer.Deserialize(File.ReadAllBytes(path), OffersJsonContext.Default.OfferDefinitionArray) ?? [];
            var accepted = Validate(offers, counters, logger);
            OffersLog.CatalogLoaded(logger, path, accepted.Count, offers.Length - accepted.Count);
            return accepted;
        }
        catch (JsonException e)
        {
            counters.Increment("offers.catalog_unreadable");
            OffersLog.CatalogUnreadable(logger, path, e.Message);
            return [];
        }
    }
}
