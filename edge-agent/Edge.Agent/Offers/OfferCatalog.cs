using System.Text.Json;
using Edge.Agent.Storage;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Offers;

/// <summary>
/// The offer catalog, loaded at start. Each offer is checked on its own: a contradictory one (ends before it starts,
/// percent over 100, caps that can never be met, no product and no category, duplicate id) is refused with a message
/// naming the offer and the rule, counted, and the others stay. A file that is not JSON leaves the catalog empty.
/// Once the cloud has sent a catalog (<see cref="CloudOfferCatalogHandler"/>), the stored copy is what a restart
/// serves, not the shipped file. <see cref="Replace"/> swaps the whole list at once: a reader holds either the old
/// or the new list, never a mix.
/// </summary>
internal sealed class OfferCatalog
{
    private readonly Lock _gate = new();
    private IReadOnlyList<OfferDefinition> _offers;

    public OfferCatalog(IOptions<OffersOptions> options, IHostEnvironment environment, AgentDatabase database, AgentCounters counters, ILogger<OfferCatalog> logger)
    {
        var stored = CloudContent.Read(database, CloudContent.OfferCatalog);
        if (stored is { Content: { } json })
        {
            _offers = LoadStored(json, stored.Value.Sequence, counters, logger);
            Sequence = stored.Value.Sequence;
            return;
        }

        var path = Path.IsPathRooted(options.Value.CatalogFile) ? options.Value.CatalogFile : Path.Combine(environment.ContentRootPath, options.Value.CatalogFile);
        _offers = Load(path, counters, logger);
    }

    public OfferCatalog(IReadOnlyList<OfferDefinition> offers) => _offers = offers;

    public IReadOnlyList<OfferDefinition> Offers => Volatile.Read(ref _offers);

    /// <summary>Down sequence of the cloud catalog being served; 0 = the shipped file.</summary>
    public long Sequence { get; private set; }

    /// <summary>Serves <paramref name="offers"/> from now on unless a newer sequence is already served (false then).</summary>
    public bool Replace(IReadOnlyList<OfferDefinition> offers, long sequence)
    {
        lock (_gate)
        {
            if (sequence <= Sequence)
            {
                return false;
            }

            Volatile.Write(ref _offers, offers);
            Sequence = sequence;
            return true;
        }
    }

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

    private static List<OfferDefinition> LoadStored(string json, long sequence, AgentCounters counters, ILogger logger)
    {
        try
        {
            var offers = JsonSerializer.Deserialize(json, OffersJsonContext.Default.OfferDefinitionArray) ?? [];
            var accepted = Validate(offers, counters, logger);
            OffersLog.CloudCatalogRestored(logger, sequence, accepted.Count);
            return accepted;
        }
        catch (JsonException e)
        {
            // Written by this service, so only a damaged file gets here: no offers beats guessing.
            counters.Increment("offers.catalog_unreadable");
            OffersLog.CatalogUnreadable(logger, "cloud catalog in the database", e.Message);
            return [];
        }
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
