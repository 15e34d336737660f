using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Edge.Contracts.Agent;
using Edge.Store.Tests.Harness;
using Edge.TestKit;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace Edge.Store.Tests;

/// <summary>
/// The seeds' story on the whole store for a simulated hour, every part a real process started by scripts/demo.sh (two
/// mosquittos, the reference cloud, the fleet dashboard, the four hub services, the wearable simulator, 50 members and
/// 500 strangers walking in beacon-gateway's simulator). The hub's processes share a store clock that runs
/// <see cref="StoreDemo.Speed"/> times faster than real time (Edge:Clock:Rate, one origin), with the product's own
/// timings; the cloud side, the brokers and this test keep real time, so waits poll with real deadlines. Bad inputs
/// tried: a wrong PIN at the kiosk (401, nothing logged in).
/// </summary>
public sealed partial class StoreStoryTests
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(60);

    [RequiresStoreFact]
    public async Task Store_MemberVisitWithCloudOutage_StoryReachesCloudOnceAndStrangersLeaveNoTrace()
    {
        await using var demo = StoreDemo.Start();
        await using var hub = await HubWatcher.ConnectAsync(demo.BrokerPort, TimeSpan.FromSeconds(60));
        await demo.WaitUntilRunningAsync();
        using var cloud = new HttpClient { BaseAddress = demo.CloudUrl };

        // A member walks in and the hub recognises them (the rotating ID resolved to an enrolled member).
        var entered = await hub.WaitForAsync("a member entering", m => m.Topic == "store/presence/members/entered", Soon);
        Assert.Matches(EnrolledMember(), Json(entered).GetProperty("memberId").GetString());

        // An offer reaches the kiosk's topic, the outbox and the cloud's records, each once.
        var offerMessage = await hub.WaitForAsync("an offer on a kiosk topic", m => m.Topic.StartsWith("store/offers/", StringComparison.Ordinal), Soon);
        var couponId = Json(offerMessage).GetProperty("offer").GetProperty("couponId").GetString()!;
        var decision = await hub.WaitForAsync("the offer's decision in the outbox", m => m.Topic == "store/outbox/" + OutboxStreams.OffersIssued
            && Json(m).GetProperty("body").TryGetProperty("couponId", out var c) && c.GetString() == couponId, Soon);
        var decisionKey = Json(decision).GetProperty("messageId").GetString()!;
        Assert.Single(hub.On("store/offers/"), m => Json(m).GetProperty("offer").GetProperty("couponId").GetString() == couponId);
        await WaitUntilAsync("the offer decision at the cloud", async () => (await CloudEventsAsync(cloud)).Any(e => e.MessageId == decisionKey));

        // A clerk's wearable gets a staff alert (a gold member dwelling in electronics or appliances) and claims it. The
        // claim timeout is the product's 45 s of store time (3 s real): an alert that escalates or expires before the
        // watch shows it is left, and the clerk claims the next one.
        using var wearable = new HttpClient(new HttpClientHandler { AllowAutoRedirect = true }) { BaseAddress = demo.WearableUrl };
        var (alertMessage, closed) = await ClaimAnAlertOnAWatchAsync(hub, wearable);
        var alertId = Json(alertMessage).GetProperty("alertId").GetString()!;
        var alertRaisedAt = Json(alertMessage).GetProperty("createdAt").GetDateTimeOffset();
        var claimedBy = Json(closed).GetProperty("claimedBy").GetString();
        Assert.Equal(Json(alertMessage).GetProperty("clerkId").GetString(), claimedBy);
        Assert.Equal($"store/staff/alerts/{claimedBy}/closed", closed.Topic);
        // The watches after the claim (open alerts, if any, and the claim in their history). Not later: after a store
        // hour the members' cooldowns and the clerks' hourly caps may leave no alert open for a screenshot (a CI failure).
        await ScreenshotAsync(demo.WearableUrl, "wearable.png", live: false);

        // The cloud link drops: the cloud broker stops. The member's kiosk visit happens while it is down.
        var cloudBroker = Process.GetProcessById(demo.PidOf("cloud-broker"));
        Signals.Send(cloudBroker.Id, Signals.SigTerm);
        await cloudBroker.WaitForExitAsync().WaitAsync(Soon);

        using var agent = new HttpClient { BaseAddress = demo.AgentUrl };
        agent.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StoreDemo.KioskToken);
        using (var wrongPin = await agent.PostAsJsonAsync(AgentRoutes.LoginPhone, new PhoneLoginRequest("kiosk-1", "+4790000005", "9999"), AgentApiJsonContext.Default.PhoneLoginRequest))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrongPin.StatusCode);
        }

        using var loginResponse = await agent.PostAsJsonAsync(AgentRoutes.LoginPhone, new PhoneLoginRequest("kiosk-1", "+4790000005", "0005"), AgentApiJsonContext.Default.PhoneLoginRequest);
        Assert.Equal(HttpStatusCode.OK, loginResponse.StatusCode);
        var login = (await loginResponse.Content.ReadFromJsonAsync(AgentApiJsonContext.Default.LoginResponse))!;
        Assert.Equal("m-5", login.Member.MemberId);
        using var reviewResponse = await agent.PostAsJsonAsync(AgentRoutes.ProductReviewsFor("p-headphones"),
            new PostReviewRequest(login.SessionId, 5, "Quiet on the train, the battery lasts all week."), AgentApiJsonContext.Default.PostReviewRequest);
        var review = (await reviewResponse.Content.ReadFromJsonAsync(AgentApiJsonContext.Default.PostReviewResponse))!;
        Assert.True(review.Published, review.Reason);
        using var drawResponse = await agent.PostAsync(AgentRoutes.PrizeDrawFor(login.SessionId), null);
        Assert.Equal(HttpStatusCode.OK, drawResponse.StatusCode);
        var draw = (await drawResponse.Content.ReadFromJsonAsync(AgentApiJsonContext.Default.PrizeDrawResponse))!;

        // The link stays down while cloud-sync retries (a second reconnect attempt failed), and nothing of the visit is
        // at the cloud yet.
        var reviewKey = "review:" + review.Review!.ReviewId;
        var drawKey = "draw:" + draw.DrawId;
        await WaitUntilAsync("cloud-sync retrying the cloud link", () => Task.FromResult(CloudSyncRetried(demo.Log("cloud-sync"))));
        Assert.DoesNotContain(await CloudEventsAsync(cloud), e => e.MessageId == reviewKey || e.MessageId == drawKey);

        // The link returns: the same broker configuration, started again (this test stops it at the end).
        await using var restarted = await RestartCloudBrokerAsync(demo);
        // This failed when cloud-sync reconnected before the reference cloud: the cloud's clean session (and then its
        // shared subscription, which mosquitto 2.0.11 did not restore from persistence) left nobody to queue the hub's
        // backlog for. The failure message carries both reconnect lines.
        try
        {
            await WaitUntilAsync("the review and the draw at the cloud after the outage", async () =>
            {
                var keys = (await CloudEventsAsync(cloud)).Select(e => e.MessageId).ToHashSet(StringComparer.Ordinal);
                return keys.Contains(reviewKey) && keys.Contains(drawKey);
            }, TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException(ReconnectOrder(demo, ex.Message), ex);
        }

        // Everything the hub's producers handed to the outbox so far reaches the cloud, and the cloud holds each once.
        var produced = hub.On("store/outbox/").Select(m => Json(m).GetProperty("messageId").GetString()!).ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<CloudEvent> records = [];
        await WaitUntilAsync("every outbox event at the cloud", async () =>
        {
            records = await CloudEventsAsync(cloud);
            return produced.IsSubsetOf(records.Select(e => e.MessageId));
        }, TimeSpan.FromSeconds(60));
        Assert.All(records.GroupBy(e => e.MessageId), g => Assert.Single(g));
        Assert.Single(records, e => e.MessageId == decisionKey);
        Assert.Single(records, e => e.MessageId == reviewKey);
        Assert.Single(records, e => e.MessageId == drawKey);

        // None of the 500 strangers appears: every member id the hub or the cloud saw is an enrolled member's.
        var presenceIds = hub.On("store/presence/members/").Select(m => Json(m).GetProperty("memberId").GetString()).Distinct().ToList();
        Assert.NotEmpty(presenceIds);
        Assert.All(presenceIds, id => Assert.Matches(EnrolledMember(), id));
        var cloudMemberIds = records.SelectMany(e => MemberIdInEvent().Matches(e.Event).Select(m => m.Groups[1].Value)).Distinct().ToList();
        Assert.NotEmpty(cloudMemberIds);
        Assert.All(cloudMemberIds, id => Assert.Matches(EnrolledMember(), id));
        var agentMembers = AgentMemberIds(demo);

        // Everything HQ sent down (members, products, offers, the prize budget) was accepted.
        Assert.Empty(DeadLetters(demo));
        Assert.Equal(Enumerable.Range(1, 50).Select(i => $"m-{i}").Order(StringComparer.Ordinal), agentMembers.Order(StringComparer.Ordinal));

        // The store's hour passes on its clock. The claimed alert's hour then reaches the cloud as one aggregate (the only
        // thing about staff alerts that leaves the store), once every alert of that hour has closed.
        var clock = demo.StoreClock();
        var alertHour = new DateTimeOffset(alertRaisedAt.UtcDateTime.Date.AddHours(alertRaisedAt.UtcDateTime.Hour), TimeSpan.Zero);
        var storeHourEnd = Max(clock.Origin + TimeSpan.FromHours(1), alertHour + TimeSpan.FromHours(1) + TimeSpan.FromMinutes(5));
        await WaitUntilAsync("the store's simulated hour", () => Task.FromResult(clock.GetUtcNow() >= storeHourEnd),
            ((storeHourEnd - clock.GetUtcNow()) / clock.Rate) + Soon);
        var outcomesKey = "alert-outcomes:" + alertHour.ToString("yyyy-MM-dd'T'HH':00:00Z'", System.Globalization.CultureInfo.InvariantCulture);
        await WaitUntilAsync("the claimed alert's hour at the cloud", async () => (await CloudEventsAsync(cloud)).Any(e => e.MessageId == outcomesKey));
        var cloudAfterHour = await CloudEventsAsync(cloud);
        var outcomes = Body(Assert.Single(cloudAfterHour, e => e.MessageId == outcomesKey));
        Assert.True(outcomes.GetProperty("claimed").GetInt32() >= 1, outcomes.ToString());
        Assert.All(cloudAfterHour.GroupBy(e => e.MessageId), g => Assert.Single(g));
        Assert.DoesNotContain(cloudAfterHour.Where(e => e.Stream == OutboxStreams.AlertOutcomes), e => e.Event.Contains(alertId, StringComparison.Ordinal));

        // The dashboard tells the same story from the cloud's records: offers issued (each coupon once, between the two
        // reads of the records around it), the claimed alerts, and members present from the hub's Sparkplug metric.
        using var dashboard = new HttpClient { BaseAddress = demo.DashboardUrl };
        var before = await CloudEventsAsync(cloud);
        var panel = await dashboard.GetStringAsync($"/fragments/stores/{StoreDemo.Store}/business");
        var after = await CloudEventsAsync(cloud);
        Assert.InRange(PanelValue(panel, "biz-offers-issued"), CouponsIssued(before), CouponsIssued(after));
        Assert.InRange(PanelValue(panel, "biz-alerts-claimed"), ClaimedAlerts(before), ClaimedAlerts(after));
        Assert.True(ClaimedAlerts(before) >= 1);
        Assert.True(PanelValue(panel, "biz-members-present") >= 1, panel);

        // HQ asks the hub for a diagnostic bundle from the dashboard: the NCMD goes down the fleet plane, the bundle comes
        // up through the outbox, the reference cloud keeps it, and no member id is in it.
        using (var command = await dashboard.PostAsync($"/stores/{StoreDemo.Store}/commands/diagnostics", null))
        {
            Assert.Equal(HttpStatusCode.OK, command.StatusCode);
        }

        var bundleUrl = $"/api/stores/{StoreDemo.Store}/diagnostics/latest";
        await WaitUntilAsync("the diagnostic bundle at the cloud", async () =>
        {
            using var response = await cloud.GetAsync(bundleUrl);
            return response.StatusCode == HttpStatusCode.OK;
        });
        Assert.DoesNotMatch("\"m-[0-9]+\"", await cloud.GetStringAsync(bundleUrl));

        await ScreenshotAsync(new Uri(demo.DashboardUrl, "/stores/" + StoreDemo.Store), "dashboard-store.png");
        await ScreenshotAsync(demo.DashboardUrl, "dashboard-fleet.png");
        // Ctrl-C's path (SIGTERM to the script): a clean stop, and none of the processes it started is left.
        Assert.Equal(0, await demo.StopAsync());
        Assert.All(Directory.GetFiles(Path.Combine(demo.RunDirectory, "pids")), pidFile =>
            Assert.False(Directory.Exists("/proc/" + File.ReadAllText(pidFile).Trim()), Path.GetFileName(pidFile) + " still runs"));
    }

    private static bool IsAlertOffer(Edge.Messaging.MqttMessage m) =>
        m.Topic.StartsWith("store/staff/alerts/", StringComparison.Ordinal) && !m.Topic.EndsWith("/closed", StringComparison.Ordinal);

    /// <summary>
    /// Taps "claim" on a watch as soon as it shows an alert still offered to its clerk (the newest such alert), and
    /// returns that offer and its closing message with outcome "claimed".
    /// </summary>
    private static async Task<(Edge.Messaging.MqttMessage Offer, Edge.Messaging.MqttMessage Closed)> ClaimAnAlertOnAWatchAsync(HubWatcher hub, HttpClient wearable)
    {
        await hub.WaitForAsync("a staff alert to a clerk", IsAlertOffer, TimeSpan.FromSeconds(90));
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(120);
        while (DateTimeOffset.UtcNow < deadline)
        {
            var seen = hub.Seen;
            var closings = seen.Where(m => m.Topic.EndsWith("/closed", StringComparison.Ordinal))
                .Select(m => (m.Topic, Json(m).GetProperty("alertId").GetString())).ToHashSet();
            var offer = seen.LastOrDefault(m => IsAlertOffer(m) && !closings.Contains((m.Topic + "/closed", Json(m).GetProperty("alertId").GetString())));
            if (offer is not null)
            {
                var alertId = Json(offer).GetProperty("alertId").GetString()!;
                var clerkId = Json(offer).GetProperty("clerkId").GetString()!;
                if ((await wearable.GetStringAsync("/")).Contains($"data-alert=\"{alertId}\"", StringComparison.Ordinal))
                {
                    using var claim = await wearable.PostAsync($"/alerts/{Uri.EscapeDataString(alertId)}/claim", new FormUrlEncodedContent([new("clerk", clerkId)]));
                    try
                    {
                        var closing = await hub.WaitForAsync("the alert closing as claimed", m => m.Topic == offer.Topic + "/closed"
                            && Json(m).GetProperty("alertId").GetString() == alertId && Json(m).GetProperty("outcome").GetString() == "claimed", TimeSpan.FromSeconds(10));
                        return (offer, closing);
                    }
                    catch (TimeoutException)
                    {
                        // escalated or expired before the tap landed: the next alert on a watch
                    }
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        throw new TimeoutException("no clerk's watch could claim a staff alert within 120 s");
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static JsonElement Body(CloudEvent e) => JsonDocument.Parse(e.Event).RootElement.GetProperty("body");

    private static long CouponsIssued(IEnumerable<CloudEvent> records) => records
        .Where(e => e.Stream == OutboxStreams.OffersIssued)
        .Select(Body)
        .Count(b => b.TryGetProperty("couponId", out var c) && c.ValueKind == JsonValueKind.String
            && !(b.TryGetProperty("control", out var control) && control.ValueKind == JsonValueKind.True));

    private static long ClaimedAlerts(IEnumerable<CloudEvent> records) => records
        .Where(e => e.Stream == OutboxStreams.AlertOutcomes)
        .Sum(e => Body(e).GetProperty("claimed").GetInt64());

    private static long PanelValue(string html, string id)
    {
        var match = Regex.Match(html, $"id=\"{id}\"[^>]*data-value=\"(-?[0-9]+)\"");
        Assert.True(match.Success, $"{id} with a data-value in: {html}");
        return long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>cloud-sync's business link (client id {store}-{hub}; "-fleet" is its Sparkplug link) failed twice and tries a third time.</summary>
    [GeneratedRegex(@"MQTT client demo-store-demo-hub reconnects to \S+ in \S+ \(attempt 3\)")]
    private static partial Regex CloudSyncThirdAttempt();

    private static bool CloudSyncRetried(string log) => CloudSyncThirdAttempt().IsMatch(log);

    [GeneratedRegex("^m-([1-9]|[1-4][0-9]|50)$")]
    private static partial Regex EnrolledMember();

    [GeneratedRegex("\"memberId\"\\s*:\\s*\"([^\"]*)\"")]
    private static partial Regex MemberIdInEvent();

    private static JsonElement Json(Edge.Messaging.MqttMessage message) => JsonDocument.Parse(message.Payload).RootElement;

    private static async Task<IReadOnlyList<CloudEvent>> CloudEventsAsync(HttpClient cloud) =>
        (await cloud.GetFromJsonAsync<List<CloudEvent>>($"/api/stores/{StoreDemo.Store}/events?limit=100000", JsonSerializerOptions.Web))!;

    private static async Task WaitUntilAsync(string what, Func<Task<bool>> condition, TimeSpan? timeout = null, TimeSpan? poll = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? Soon);
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(poll ?? TimeSpan.FromMilliseconds(500));
        }

        throw new TimeoutException($"{what} did not happen within {timeout ?? Soon}");
    }

    private static string ReconnectOrder(StoreDemo demo, string what) =>
        what + "; reconnects: " + string.Join(" | ", new[] { "cloud-sync", "reference-cloud" }
            .SelectMany(name => demo.Log(name).Split('\n').Where(l => l.Contains("connected to", StringComparison.Ordinal) && !l.Contains("-fleet", StringComparison.Ordinal)).TakeLast(1)));

    private static async Task<CloudBroker> RestartCloudBrokerAsync(StoreDemo demo)
    {
        var broker = CloudBroker.Start(Path.Combine(demo.RunDirectory, "cloud", "broker", "cloud.conf"));
        await WaitUntilAsync("the cloud broker listening again", async () =>
        {
            try
            {
                using var probe = new System.Net.Sockets.TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, demo.CloudLocalPort);
                return true;
            }
            catch (System.Net.Sockets.SocketException)
            {
                return false;
            }
        });
        return broker;
    }

    private static List<string> DeadLetters(StoreDemo demo) =>
        Strings(Path.Combine(demo.RunDirectory, "state", "cloud-sync", "inbox.db"), "SELECT topic || ': ' || reason FROM dead_letter;");

    private static List<string> AgentMemberIds(StoreDemo demo) =>
        Strings(Path.Combine(demo.RunDirectory, "state", "edge-agent", "agent.db"), "SELECT member_id FROM members;");

    private static List<string> Strings(string database, string query)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = query;
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>
    /// A full-page screenshot into artifacts/store. <paramref name="live"/> false renders the page without script: the
    /// watches' page swaps its alerts many times a second on the fast store clock, and a screenshot of it never
    /// settled within Playwright's 10 s (a CI failure); the server-rendered page shows the same state.
    /// </summary>
    private static async Task ScreenshotAsync(Uri url, string name, bool live = true)
    {
        await using var browser = await Edge.Kiosk.Tests.Harness.Browser.LaunchAsync();
        var page = live
            ? await browser.NewPageAsync(1280, 900, bypassCsp: false)
            : await (await browser.Instance.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } })).NewPageAsync();
        await page.GotoAsync(url.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        var directory = Directory.CreateDirectory(Path.Combine(ExternalTools.RepoRoot, "artifacts", "store")).FullName;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name), FullPage = true });
        Assert.True(new FileInfo(Path.Combine(directory, name)).Length > 0);
    }
}
