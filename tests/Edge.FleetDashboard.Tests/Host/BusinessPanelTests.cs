using System.Globalization;
using Edge.FleetDashboard.Tests.Harness;
using Edge.TestKit;

namespace Edge.FleetDashboard.Tests.Host;

/// <summary>
/// The business panel when the reference cloud is not there: members present still from the hub's Sparkplug metric, every
/// cloud figure "no data" rather than zero. (The figures from the real cloud: Journeys/BusinessPanelJourneyTests.)
/// </summary>
public sealed class BusinessPanelTests
{
    private const string Store = "store-b";

    [RequiresMosquittoFact]
    public async Task BusinessPanel_CloudUnreachable_SaysSoAndStillShowsMembersPresent()
    {
        var html = await BusinessPanelAsync($"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}");

        Assert.Contains("cloud records unavailable", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"biz-members-present\" data-value=\"3\">3</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"biz-offers-issued\" data-value=\"\">no data</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"biz-uplift\" data-value=\"\">no data</dd>", html, StringComparison.Ordinal);
    }

    /// <summary>The business panel of a store whose hub is born, with the dashboard reading the cloud at <paramref name="cloudUrl"/>.</summary>
    private static async Task<string> BusinessPanelAsync(string cloudUrl)
    {
        await using var s = await Scenario.StartAsync(Store, new Dictionary<string, string?> { ["FleetDashboard:CloudUrl"] = cloudUrl });
        await s.BirthAsync();
        using var http = s.Http();
        return await http.GetStringAsync($"/fragments/stores/{Store}/business");
    }
}
