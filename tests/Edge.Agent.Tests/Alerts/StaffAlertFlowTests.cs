using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Edge.Agent.Alerts;
using Edge.Agent.Tests.Support;
using Edge.Contracts;
using Edge.Contracts.Agent;
using Edge.TestKit;

namespace Edge.Agent.Tests.Alerts;

/// <summary>The real agent, broker and SQLite file on a fake clock: alerts from presence to a clerk's wearable and back.</summary>
public sealed class StaffAlertFlowTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(15);

    [RequiresMosquittoFact]
    public async Task Dwelled_HighValueMemberInElectronics_AlertToZoneClerkThenEscalatedThenFirstClaimWins()
    {
        await using var store = await AlertScenario.StartAsync();
        await store.ClerkAsync("clerk-ana", "tv");
        await store.ClerkAsync("clerk-bo", "audio");
        await store.MemberAsync(1, "m-1", "Ada", "gold");

        // Each wearable is a store device for HQ: its shift and zone (published retained; this probe was already subscribed).
        var device = await store.Bus.NextAsync("store/wearables/clerk-ana/status", s_wait);
        Assert.Equal("on shift in tv", device.PayloadAsString());

        await store.DwellAsync("p-1", "m-1", "tv");
        var first = await store.NextAlertAsync("clerk-ana");
        Assert.Equal(("clerk-ana", "tv", "Ada", "electronics", 0), (first.ClerkId, first.Zone, first.FirstName, first.Interest, first.Escalation));
        Assert.Equal(first.CreatedAt + TimeSpan.FromSeconds(30), first.ClaimBy);
        Assert.Null(first.Product);

        // 30 s of fake time unclaimed: Ana's watch clears it, Bo (the neighbouring zone) gets it.
        store.Time.Advance(TimeSpan.FromSeconds(30));
        var escalatedAway = await store.NextClosedAsync("clerk-ana");
        var second = await store.NextAlertAsync("clerk-bo");
        Assert.Equal((first.AlertId, "escalated"), (escalatedAway.AlertId, escalatedAway.Outcome));
        Assert.Equal((first.AlertId, "clerk-bo", 1, "Ada"), (second.AlertId, second.ClerkId, second.Escalation, second.FirstName));

        store.Time.Advance(TimeSpan.FromSeconds(12));
        using var win = await store.ClaimAsync(first.AlertId, "clerk-bo");
        using var late = await store.ClaimAsync(first.AlertId, "clerk-ana");
        Assert.Equal(HttpStatusCode.OK, win.StatusCode);
        Assert.Equal(new ClaimAlertResponse(first.AlertId, true, "clerk-bo"), await win.Content.ReadFromJsonAsync(AgentApiJsonContext.Default.ClaimAlertResponse));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(new ClaimAlertResponse(first.AlertId, false, "clerk-bo"), await late.Content.ReadFromJsonAsync(AgentApiJsonContext.Default.ClaimAlertResponse));
        var closedForBo = await store.NextClosedAsync("clerk-bo");
        var closedForAna = await store.NextClosedAsync("clerk-ana");
        Assert.Equal(("claimed", "clerk-bo"), (closedForBo.Outcome, closedForBo.ClaimedBy));
        Assert.Equal(("claimed", "clerk-bo"), (closedForAna.Outcome, closedForAna.ClaimedBy));

        // Closed: the log keeps no member id and no content, only the keyed hash for the cooldown.
        Assert.Equal(1, store.Count("SELECT count(*) FROM staff_alerts WHERE member_id IS NULL AND content IS NULL AND status = 'claimed' AND member_ref <> 'm-1';"));

        // The hour is over: one aggregate goes to the outbox, and nothing else of the alert ever does.
        store.Time.Advance(TimeSpan.FromHours(1));
        await Eventually.TrueAsync(() => store.Count("SELECT count(*) FROM outbox WHERE stream = $1;", OutboxStreams.AlertOutcomes) == 1, "hourly aggregate in the outbox");
        // No tick needed: the relay's wake-up is not lost to a wait abandoned at an earlier tick (the clock moved an hour).
        var outcome = JsonDocument.Parse((await store.Bus.NextAsync(LocalTopics.OutboxFor(OutboxStreams.AlertOutcomes), s_wait)).Payload).RootElement;
        Assert.Equal("alert-outcomes:2026-11-23T09:00:00Z", outcome.GetProperty("messageId").GetString());
        var body = outcome.GetProperty("body");
        Assert.Equal((1, 1, 1, 0, 42.0), (body.GetProperty("raised").GetInt32(), body.GetProperty("claimed").GetInt32(), body.GetProperty("escalated").GetInt32(),
            body.GetProperty("expired").GetInt32(), body.GetProperty("medianSecondsToClaim").GetDouble()));
        Assert.Equal(42.0, body.GetProperty("totalSecondsToClaim").GetDouble()); // summable across hours, unlike the median
        Assert.Equal(0, store.Count("SELECT count(*) FROM outbox WHERE CAST(payload AS TEXT) LIKE '%' || $1 || '%' OR CAST(payload AS TEXT) LIKE '%Ada%';", first.AlertId));

        // After the retention (1 day) the closed alert is erased.
        store.Time.Advance(TimeSpan.FromDays(1));
        await Eventually.TrueAsync(() => store.Count("SELECT count(*) FROM staff_alerts;") == 0, "closed alert purged after the retention");
    }

    [RequiresMosquittoFact]
    public async Task Dwelled_ZoneClerkBusy_NeighbourGetsItAndUnclaimedAlertExpiresWithNobodyLeft()
    {
        await using var store = await AlertScenario.StartAsync();
        await store.ClerkAsync("clerk-ana", "tv", busy: true);
        await store.ClerkAsync("clerk-bo", "audio");
        await store.ClerkAsync("clerk-cy", "grocery"); // not a neighbour of tv, and AnyZoneFallback is off
        await store.MemberAsync(1, "m-1");

        await store.DwellAsync("p-1", "m-1", "tv");
        var alert = await store.NextAlertAsync("clerk-bo");
        Assert.Equal(0, alert.Escalation);

        store.Time.Advance(TimeSpan.FromSeconds(30));
        var closed = await store.NextClosedAsync("clerk-bo");
        Assert.Equal((alert.AlertId, "expired"), (closed.AlertId, closed.Outcome));
        Assert.Equal(1, store.Agent.Counters.Get("alerts.expired"));
        using var late = await store.ClaimAsync(alert.AlertId, "clerk-bo");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(new ClaimAlertResponse(alert.AlertId, false, null), await late.Content.ReadFromJsonAsync(AgentApiJsonContext.Default.ClaimAlertResponse));
    }

    [RequiresMosquittoFact]
    public async Task Dwelled_SameMemberAgain_CooldownThenAlertAfterItEnds()
    {
        await using var store = await AlertScenario.StartAsync(new Dictionary<string, string> { ["EdgeAgent:Alerts:MemberCooldown"] = "00:20:00" });
        await store.ClerkAsync("clerk-ana", "tv");
        await store.MemberAsync(1, "m-1");

        await store.DwellAsync("p-1", "m-1", "tv");
        var first = await store.NextAlertAsync("clerk-ana");
        await store.DwellAsync("p-2", "m-1", "tv");
        await Eventually.TrueAsync(() => store.Agent.Counters.Get("alerts.cooldown") == 1, "second dwell within the cooldown refused");

        store.Time.Advance(TimeSpan.FromMinutes(21));
        await store.DwellAsync("p-3", "m-1", "tv");
        var again = await store.NextAlertAsync("clerk-ana", where: a => a.AlertId != first.AlertId);
        Assert.Equal("Ada", again.FirstName);
        Assert.Equal(2, store.Agent.Counters.Get("alerts.raised"));
    }

    [RequiresMosquittoFact]
    public async Task Dwelled_ClerkAtHourlyCap_SkippedUntilTheHourHasPassed()
    {
        await using var store = await AlertScenario.StartAsync(new Dictionary<string, string>
        {
            ["EdgeAgent:Alerts:MaxAlertsPerClerkPerHour"] = "1",
            ["EdgeAgent:Alerts:MaxEscalations"] = "0",
        });
        await store.ClerkAsync("clerk-ana", "tv");
        await store.MemberAsync(1, "m-1", "Ada");
        await store.MemberAsync(2, "m-2", "Bea");
        await store.MemberAsync(3, "m-3", "Cai");

        await store.DwellAsync("p-1", "m-1", "tv");
        Assert.Equal("Ada", (await store.NextAlertAsync("clerk-ana")).FirstName);
        await store.DwellAsync("p-2", "m-2", "tv");
        await Eventually.TrueAsync(() => store.Agent.Counters.Get("alerts.no_clerk") == 1, "clerk at the cap skipped, nobody else: no alert");

        store.Time.Advance(TimeSpan.FromMinutes(61));
        await store.DwellAsync("p-3", "m-3", "tv");
        Assert.Equal("Cai", (await store.NextAlertAsync("clerk-ana", where: a => a.FirstName != "Ada")).FirstName);
        Assert.Equal(2, store.Count("SELECT count(*) FROM staff_alerts;"));
    }

    [RequiresMosquittoFact]
    public async Task Dwelled_QuietModeConfiguredThenSwitchedOff_NothingThenAlert()
    {
        await using var store = await AlertScenario.StartAsync(new Dictionary<string, string> { ["EdgeAgent:Alerts:QuietMode"] = "true" });
        await store.ClerkAsync("clerk-ana", "tv");
        await store.MemberAsync(1, "m-1");

        await store.DwellAsync("p-1", "m-1", "tv");
        await Eventually.TrueAsync(() => store.Agent.Counters.Get("alerts.quiet") == 1, "dwell seen while quiet");
        Assert.Equal(0, store.Count("SELECT count(*) FROM staff_alerts;"));

        using var off = await store.Agent.Http.PutAsJsonAsync(AlertsRoutes.QuietMode, new QuietModeRequest(false), AlertsJsonContext.Default.QuietModeRequest);
        Assert.Equal(HttpStatusCode.NoContent, off.StatusCode);
        await store.DwellAsync("p-2", "m-1", "tv");
        Assert.Equal("Ada", (await store.NextAlertAsync("clerk-ana")).FirstName);

        using var on = await store.Agent.Http.PutAsJsonAsync(AlertsRoutes.QuietMode, new QuietModeRequest(true), AlertsJsonContext.Default.QuietModeRequest);
        Assert.Equal(HttpStatusCode.NoContent, on.StatusCode);
        Assert.True(store.Agent.Get<QuietSwitch>().Quiet);
    }

    [RequiresMosquittoFact]
    public async Task Dwelled_MemberWithoutAlertConsentOrNotHighValue_NoAlert()
    {
        await using var store = await AlertScenario.StartAsync();
        await store.ClerkAsync("clerk-ana", "tv");
        await store.MemberAsync(1, "m-1", alertConsent: false);
        await store.MemberAsync(2, "m-2", tier: "basic");

        await store.DwellAsync("p-1", "m-1", "tv");
        await store.DwellAsync("p-2", "m-2", "tv");
        await store.DwellAsync("p-3", "m-2", "grocery"); // not a high-consideration category either
        await Eventually.TrueAsync(() => store.Agent.Counters.Get("alerts.no_consent") == 1 && store.Agent.Counters.Get("alerts.no_signal") == 2, "all three dwells decided");
        Assert.Equal(0, store.Count("SELECT count(*) FROM staff_alerts;"));
        Assert.Equal(0, store.Agent.Counters.Get("alerts.raised"));
    }

    [RequiresMosquittoFact]
    public async Task Revoke_MemberWithOpenAlertAfterMalformedDeltas_AlertWithdrawnAndWearableCleared()
    {
        await using var store = await AlertScenario.StartAsync();
        await store.ClerkAsync("clerk-ana", "tv");
        await store.MemberAsync(1, "m-1");
        await store.DwellAsync("p-1", "m-1", "tv");
        var alert = await store.NextAlertAsync("clerk-ana");

        // Bad input on the same topic first: not JSON, and a down event whose body is not an object. Both are counted
        // by the member cache and skipped by the alert and loyalty watchers; the revocation after them still works.
        await store.Bus.PublishRawAsync(BusProbe.MemberDeltaTopic, "{ not json");
        await store.Bus.PublishRawAsync(BusProbe.MemberDeltaTopic, "{\"messageId\":\"x\",\"kind\":\"member-delta\",\"sequence\":2,\"issuedAt\":\"2026-01-01T00:00:00Z\",\"body\":[]}");
        await store.Bus.PublishDeltaAsync(Support.Members.Revoke(2, "m-1"));
        var closed = await store.NextClosedAsync("clerk-ana");
        Assert.Equal(2, store.Agent.Counters.Get("members.delta_malformed"));
        Assert.Equal(0, store.Agent.Counters.Get("bus.handler_failed"));
        Assert.Equal((alert.AlertId, "withdrawn", (string?)null), (closed.AlertId, closed.Outcome, closed.ClaimedBy));
        Assert.Equal(0, store.Count("SELECT count(*) FROM staff_alerts WHERE member_id IS NOT NULL OR content IS NOT NULL;"));
        using var claim = await store.ClaimAsync(alert.AlertId, "clerk-ana");
        Assert.Equal(HttpStatusCode.Conflict, claim.StatusCode);
    }

    [RequiresMosquittoFact]
    public async Task Dwelled_ProductResearchedAtKiosk_AlertCarriesProductAndSpecsEvenForBasicTier()
    {
        var research = new FixedProductResearch(new ResearchedProduct("p-x90l", "Sony X90L 55\"", "electronics", ["55-inch", "4K 120 Hz", "Google TV"], DateTimeOffset.MinValue));
        await using var store = await AlertScenario.StartAsync(services: s => s.AddSingleton<IProductResearch>(research));
        await store.ClerkAsync("clerk-ana", "tv");
        await store.MemberAsync(1, "m-1", "Ada", tier: "basic");

        await store.DwellAsync("p-1", "m-1", "tv");
        var alert = await store.NextAlertAsync("clerk-ana");
        Assert.Equal("Sony X90L 55\"", alert.Product);
        Assert.Equal(["55-inch", "4K 120 Hz", "Google TV"], alert.KeySpecs);
        Assert.Equal("electronics", alert.Interest);
        Assert.Equal(("m-1", store.Time.GetUtcNow() - TimeSpan.FromMinutes(30)), research.LastAsked);
    }
}
