namespace Edge.Agent.Alerts;

/// <summary>The default until kiosk product lookups are recorded: nobody has researched anything.</summary>
internal sealed class NoProductResearch : IProductResearch
{
    public ResearchedProduct? LatestFor(string memberId, DateTimeOffset since) => null;
}
