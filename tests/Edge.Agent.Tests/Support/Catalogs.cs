using System.Text.Json;
using Edge.Agent.Offers;
using Edge.Contracts.Agent;

namespace Edge.Agent.Tests.Support;

internal static class Catalogs
{
    public static OfferDefinition Offer(string id, string category = "GROCERY", decimal value = 2m, int budget = 100) =>
        new(id, "Offer " + id, null, category, DiscountKind.Percent, 10m, value,
            new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero), budget, budget, 1, CampaignDays: 42);

    public static string Write(string path, params OfferDefinition[] offers)
    {
        File.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(offers, OffersJsonContext.Default.OfferDefinitionArray));
        return path;
    }

    /// <summary>The shipped signed bundle, as copied next to the test binary.</summary>
    public static string ShippedBundle => Path.Combine(AppContext.BaseDirectory, "models", "offers");
}
