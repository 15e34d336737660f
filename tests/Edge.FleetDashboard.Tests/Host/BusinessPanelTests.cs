using System.Globalization;
using System.Text.Json;
using Edge.Contracts.Agent;
using Edge.Contracts.Cloud;
using Edge.FleetDashboard.Tests.Harness;
using Edge.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Edge.FleetDashboard.Tests.Host;

/// <summary>
/// The business panel: members present from the hub's Sparkplug metric, the rest counted from the reference cloud's
/// records (a stand-in serving the cloud's documented API, GET /api/stores/{store}/events?stream=). Bad input tried: a
/// record whose event is not an offer decision; a cloud that is not there.
/// </summary>
public sealed class BusinessPanelTests
{
    private const string Store = "store-b";

    [RequiresMosquittoFact]
    public async Task BusinessPanel_CloudRecordsAndSparkplug_CountsAndSaysNoDataYetForWhatNobodyPublishes()
    {
        await using var cloud = await StandInCloudAsync();

        var html = await BusinessPanelAsync(cloud.Urls.First());

        Assert.Contains("<dt>Members present now</dt><dd>3</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Offers issued</dt><dd>3</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Holdout decisions (no offer, for uplift)</dt><dd>1</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Offers redeemed</dt><dd>1</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Redemption rate</dt><dd>33.3 %</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Proof of play (slides shown)</dt><dd>2</dd>", html, StringComparison.Ordinal);
        Assert.Contains("no data yet (edge-agent does not publish alert outcomes yet)", html, StringComparison.Ordinal);
        Assert.Contains("no data yet (kiosk-ui does not publish sessions)", html, StringComparison.Ordinal);
        Assert.Contains("no data yet (the holdout group", html, StringComparison.Ordinal);
    }

    [RequiresMosquittoFact]
    public async Task BusinessPanel_CloudUnreachable_SaysSoAndStillShowsMembersPresent()
    {
        var html = await BusinessPanelAsync($"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}");

        Assert.Contains("cloud records unavailable", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Members present now</dt><dd>3</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Offers issued</dt><dd>no data yet</dd>", html, StringComparison.Ordinal);
    }

    /// <summary>The business panel of a store whose hub is born, with the dashboard reading the cloud at <paramref name="cloudUrl"/>.</summary>
    private static async Task<string> BusinessPanelAsync(string cloudUrl)
    {
        await using var s = await Scenario.StartAsync(Store, new Dictionary<string, string?> { ["FleetDashboard:CloudUrl"] = cloudUrl });
        await s.BirthAsync();
        using var http = s.Http();
        return await http.GetStringAsync($"/fragments/stores/{Store}/business");
    }

    private static async Task<WebApplication> StandInCloudAsync()
    {
        var at = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        string Decision(string id, bool control, string? coupon) => Record(id, "offer.decided", JsonSerializer.SerializeToElement(
            new OfferDecisionEvent(id, "m-1", "zone-0", null, control, coupon, coupon is null ? null : "o-1", DecisionSource.Model, 0.7, "v1", null, at),
            AgentBusJsonContext.Default.OfferDecisionEvent));
        string Record(string id, string type, JsonElement body) =>
            JsonSerializer.Serialize(new OutboxEvent(id, type, at, body), CloudJsonContext.Default.OutboxEvent);
        var empty = JsonSerializer.SerializeToElement(new Dictionary<string, string>());
        var streams = new Dictionary<string, string[]>
        {
            [OutboxStreams.OffersIssued] = [Decision("d1", false, "c1"), Decision("d2", false, "c2"), Decision("d3", false, "c3"), Decision("d4", true, null), Record("junk", "offer.decided", empty)],
            [OutboxStreams.Redemptions] = [Record("r1", "coupon.redeemed", empty)],
            [OutboxStreams.ProofOfPlay] = [Record("p1", "signage.played", empty), Record("p2", "signage.played", empty)],
            [OutboxStreams.AlertOutcomes] = [],
        };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}");
        var app = builder.Build();
        app.MapGet("/api/stores/{storeId}/events", (string storeId, string stream) =>
        {
            var events = storeId == Store ? streams.GetValueOrDefault(stream) ?? [] : [];
            var json = "[" + string.Join(',', events.Select((e, i) => JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["messageId"] = $"{stream}-{i}", ["stream"] = stream, ["sequence"] = i + 1, ["createdAt"] = at, ["receivedAt"] = at, ["clockSkewMs"] = 0, ["event"] = e,
            }))) + "]";
            return Results.Text(json, "application/json");
        });
        await app.StartAsync();
        return app;
    }
}
