namespace Edge.Agent.Alerts;

/// <summary>
/// Seam to the kiosk's product lookups: the most recent product the member looked up since <c>since</c>, or null.
/// The kiosk API (Products/) records lookups; until it registers its own implementation, <see cref="NoProductResearch"/>
/// answers null and only the tier/zone rule raises alerts.
/// </summary>
internal interface IProductResearch
{
    ResearchedProduct? LatestFor(string memberId, DateTimeOffset since);
}
