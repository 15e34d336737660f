using System.Net.Http.Json;
using System.Text.Json;
using Edge.Contracts.Agent;
using Edge.Contracts.Cloud;
using Edge.FleetDashboard.Tests.Harness;
using Edge.Kiosk.Tests.Harness;
using Edge.Messaging;
using Edge.ReferenceCloud.Tests;
using Microsoft.Playwright;
using static Edge.FleetDashboard.Tests.Harness.SimulatedEdgeNode;
using static Edge.FleetDashboard.Tests.Support.UpRecords;
using static Microsoft.Playwright.Assertions;
using KioskBrowser = Edge.Kiosk.Tests.Harness.Browser;

namespace Edge.FleetDashboard.Tests.Journeys;

/// <summary>
/// The business panel against the real reference cloud (its process on a real mosquitto, which is also the dashboard's
/// cloud broker): known events go up as a hub's batches on retail/v1/{store}/up/{stream}, some batches twice and one
/// event under a key already sent, and the store page in Debian's chromium shows the exact figures (ids and data-value
/// attributes), with axe-core finding nothing. Bad inputs among the events: a redemption of a coupon the records do not
/// hold, a conversion of a treated decision, a record that is not an offer decision.
/// </summary>
public sealed class BusinessPanelJourneyTests
{
    private const string Store = "store-b";

    [RequiresChromiumFact]
    public async Task StorePage_EventsThroughTheCloudsUpPlane_PanelShowsExactFiguresAndNoAxeViolation()
    {
        await using var cloud = await CloudUnderTest.StartAsync();
        await using var host = await DashboardHost.StartAsync(cloud.Broker, new Dictionary<string, string?> { ["FleetDashboard:CloudUrl"] = cloud.Http.BaseAddress!.ToString() });
        await using var hub = await BrokerWatcher.ConnectAsync(cloud.Broker);
        var node = new SimulatedEdgeNode(hub.Client, DashboardHost.Group, Store);
        await node.BirthAsync(1, HubMetrics(1, host.Clock.GetUtcNow()));
        await node.DataAsync(Long("Presence/Members Present", 7));
        await host.WaitForStoreAsync(Store, s => s.Number("Presence/Members Present") == 7);

        var offers = Batch(Store, OutboxStreams.OffersIssued, 1,
            Treated("d1", "c1"), Treated("d2", "c2"), Treated("d3", "c3"), Treated("d4", "c4"), Treated("d9", null),
            Holdout("h1", "o-1"), Holdout("h2", "o-1"), Holdout("h3", "o-1"), Holdout("h4", null), Junk("junk-1"));
        await UpAsync(cloud, OutboxStreams.OffersIssued, offers);
        await UpAsync(cloud, OutboxStreams.OffersIssued, offers); // re-sent after a reconnect
        await UpAsync(cloud, OutboxStreams.Redemptions, Batch(Store, OutboxStreams.Redemptions, 1, Redemption("c1"), Redemption("c2"), Redemption("c-older")));
        await UpAsync(cloud, OutboxStreams.Redemptions, Batch(Store, OutboxStreams.Redemptions, 2, Redemption("c2"))); // an older checkpoint re-sent
        await UpAsync(cloud, OutboxStreams.HoldoutConversions, Batch(Store, OutboxStreams.HoldoutConversions, 1, Conversion("h1"), Conversion("d3")));
        await UpAsync(cloud, OutboxStreams.AlertOutcomes, Batch(Store, OutboxStreams.AlertOutcomes, 1,
            AlertHour(9, raised: 4, claimed: 3, escalated: 1, expired: 1, withdrawn: 0, median: 20, total: 75),
            AlertHour(10, raised: 2, claimed: 1, escalated: 0, expired: 0, withdrawn: 1, median: 45, total: 45)));
        var plays = Batch(Store, OutboxStreams.ProofOfPlay, 1, Play("a"), Play("b"), Play("c"));
        await UpAsync(cloud, OutboxStreams.ProofOfPlay, plays);
        await UpAsync(cloud, OutboxStreams.ProofOfPlay, plays);
        var sessions = Batch(Store, OutboxStreams.KioskSessions, 1, KioskSession("k1"), KioskSession("k2"));
        await UpAsync(cloud, OutboxStreams.KioskSessions, sessions);
        await UpAsync(cloud, OutboxStreams.KioskSessions, sessions); // re-sent
        await StoredAsync(cloud, (OutboxStreams.OffersIssued, 10), (OutboxStreams.Redemptions, 3), (OutboxStreams.HoldoutConversions, 2), (OutboxStreams.AlertOutcomes, 2), (OutboxStreams.ProofOfPlay, 3), (OutboxStreams.KioskSessions, 2));

        await using var browser = await KioskBrowser.LaunchAsync();
        var page = await browser.NewPageAsync(1440, 1400);
        await page.GotoAsync($"{host.Url}/stores/{Store}");
        await Expect(page.Locator("#biz-source")).ToHaveTextAsync("from the reference cloud's records");

        await ExpectValueAsync(page, "biz-members-present", "7", "7");
        await ExpectValueAsync(page, "biz-offers-issued", "4", "4");
        await ExpectValueAsync(page, "biz-offers-redeemed", "2", "2");
        await ExpectValueAsync(page, "biz-redemption-rate", "0.5", "50.0 %");
        await ExpectValueAsync(page, "biz-holdout", "3", "3");
        await ExpectValueAsync(page, "biz-holdout-converted", "1", "1");
        await ExpectValueAsync(page, "biz-holdout-rate", (1 / 3.0).ToString("R", System.Globalization.CultureInfo.InvariantCulture), "33.3 %");
        await ExpectValueAsync(page, "biz-uplift", (0.5 - (1 / 3.0)).ToString("R", System.Globalization.CultureInfo.InvariantCulture), "+16.7 points (4 treated, 3 holdout)");
        await ExpectValueAsync(page, "biz-alerts-raised", "6", "6");
        await ExpectValueAsync(page, "biz-alerts-claimed", "4", "4 (66.7 %)");
        await ExpectValueAsync(page, "biz-alerts-mean-claim", "30", "30.0 s over 4 claims");
        await Expect(page.Locator("#biz-alerts-closed")).ToHaveTextAsync("1 escalated, 1 expired, 1 withdrawn");
        await ExpectValueAsync(page, "biz-kiosk-sessions", "2", "2");
        await ExpectValueAsync(page, "biz-proof-of-play", "3", "3");
        Assert.Equal(1, host.Get<Edge.FleetDashboard.Hosting.DashboardCounters>().CloudRecordsUnreadable); // junk-1

        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(Directory.CreateDirectory(Path.Combine(Edge.TestKit.ExternalTools.RepoRoot, "artifacts", "dashboard")).FullName, "store-business.png"),
            FullPage = true,
        });
        var violations = await KioskBrowser.AxeViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    private static async Task ExpectValueAsync(IPage page, string id, string value, string text)
    {
        await Expect(page.Locator("#" + id)).ToHaveAttributeAsync("data-value", value);
        await Expect(page.Locator("#" + id)).ToHaveTextAsync(text);
    }

    private static Task UpAsync(CloudUnderTest cloud, string stream, byte[] batch) =>
        cloud.Hub.PublishAsync(new MqttMessage(CloudTopics.Up(Store, stream), batch)).WaitAsync(CloudUnderTest.Timeout);

    /// <summary>Polls the cloud's API until each stream holds its expected count (the broker delivers asynchronously).</summary>
    private static async Task StoredAsync(CloudUnderTest cloud, params (string Stream, int Count)[] expected)
    {
        var deadline = DateTimeOffset.UtcNow + CloudUnderTest.Timeout;
        foreach (var (stream, count) in expected)
        {
            while (true)
            {
                var events = await cloud.Http.GetFromJsonAsync<List<JsonElement>>($"/api/stores/{Store}/events?stream={stream}");
                if (events!.Count == count)
                {
                    break;
                }

                Assert.True(events.Count < count && DateTimeOffset.UtcNow < deadline, $"{stream}: {events.Count} stored, expected {count}");
                await Task.Yield();
            }
        }
    }
}
