using Edge.Agent.Alerts;

namespace Edge.Agent.Tests.Alerts;

/// <summary>Stands in for the kiosk's product lookups (not recorded yet): every member researched <paramref name="product"/>.</summary>
internal sealed class FixedProductResearch(ResearchedProduct product) : IProductResearch
{
    public (string MemberId, DateTimeOffset Since)? LastAsked { get; private set; }

    public ResearchedProduct? LatestFor(string memberId, DateTimeOffset since)
    {
        LastAsked = (memberId, since);
        return product;
    }
}
