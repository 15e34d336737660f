using System.Net;
using Edge.FleetDashboard.Alarms;
using Edge.FleetDashboard.Hosting;
using Edge.FleetDashboard.Tests.Harness;
using Edge.Sparkplug;
using Edge.Sparkplug.Protobuf;
using Edge.TestKit;
using Google.Protobuf;
using static Edge.FleetDashboard.Tests.Harness.SimulatedEdgeNode;

namespace Edge.FleetDashboard.Tests.Host;

/// <summary>
/// The dashboard as a primary host against a real mosquitto, with a hub's edge node simulated by real Sparkplug B
/// payloads. Bad inputs tried: a payload that is not protobuf, an NBIRTH without bdSeq, an unknown message type, an
/// empty and an over-long acknowledger name, an unknown command, an unknown store.
/// </summary>
public sealed class EdgeNodeTests
{
    private const string Store = "store-17";
    private static readonly string Ncmd = SparkplugTopics.Node(DashboardHost.Group, "NCMD", "+");

    [RequiresMosquittoFact]
    public async Task NBirth_HubMetrics_StoreOnlineWithServicesVersionsOutboxAndHistory()
    {
        await using var s = await Scenario.StartAsync(Store);
        var (host, node) = (s.Host, s.Node);

        await node.BirthAsync(7, HubMetrics(7, host.Clock.GetUtcNow()));
        var born = await host.WaitForStoreAsync(Store, v => v.Online);
        await node.DataAsync(Long("Presence/Members Present", 5), Long("Outbox/offers-issued/Depth", 9), Long("Commands/Refused", 2));
        var store = await host.WaitForStoreAsync(Store, v => v.Number("Presence/Members Present") == 5);

        Assert.Equal(7, born.BdSeq);
        Assert.Equal("1.2.3", store.Text("Properties/Version"));
        Assert.Equal([("cloud-sync", "running"), ("edge-agent", "running")], store.Services.ToList());
        Assert.Equal(10, store.OutboxBacklog);
        Assert.Equal("12.5", store.Text("Outbox/Oldest Unsent Age (s)"));
        Assert.Equal(0, store.SeqGaps);
        Assert.Equal([3.0, 5.0], host.Board.History(Store, "Presence/Members Present").Select(p => p.Value));
        using var http = s.Http();
        var page = await http.GetStringAsync($"/stores/{Store}");
        Assert.Contains("1.2.3", page, StringComparison.Ordinal);
        Assert.Contains("no data yet", page, StringComparison.Ordinal); // model and configuration versions: this simulated node publishes neither
        Assert.Contains("id=\"shadow-model-version\">no data yet<", page, StringComparison.Ordinal);
        Assert.Contains("id=\"commands-refused\">2<", page, StringComparison.Ordinal);
        Assert.Contains("id=\"last-diagnostic-bundle\">no data yet<", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/stores/no-such-store")).StatusCode);
    }

    [RequiresMosquittoFact]
    public async Task StorePanel_ShadowModelBornThenPromoted_ShowsTheShadowVersionThenNone()
    {
        await using var s = await Scenario.StartAsync(Store);
        var (host, node) = (s.Host, s.Node);
        using var http = s.Http();

        await node.BirthAsync(7, [.. HubMetrics(7, host.Clock.GetUtcNow()), Text("Properties/Model Version", "offers v1"), Text("Properties/Shadow Model Version", "offers v2")]);
        await host.WaitForStoreAsync(Store, v => v.Online);
        var shadowed = await http.GetStringAsync($"/stores/{Store}");
        // The promotion as cloud-sync reports it: the shadow's version now serves, and the shadow slot says "none".
        await node.DataAsync(Text("Properties/Model Version", "offers v2"), Text("Properties/Shadow Model Version", "none"));
        await host.WaitForStoreAsync(Store, v => v.Text("Properties/Shadow Model Version") == "none");
        var promoted = await http.GetStringAsync($"/stores/{Store}");

        Assert.Contains("<dt>Shadow model</dt><dd id=\"shadow-model-version\">offers v2<", shadowed, StringComparison.Ordinal);
        Assert.Contains("id=\"model-version\">offers v1<", shadowed, StringComparison.Ordinal);
        Assert.Contains("id=\"shadow-model-version\">none<", promoted, StringComparison.Ordinal);
        Assert.Contains("id=\"model-version\">offers v2<", promoted, StringComparison.Ordinal);
    }

    [RequiresMosquittoFact]
    public async Task NDeath_BdSeqOfAnOlderSessionIgnored_MatchingBdSeqTakesStoreOffline()
    {
        await using var s = await Scenario.StartAsync(Store);
        var (host, node) = (s.Host, s.Node);

        await node.BirthAsync(4, HubMetrics(4, host.Clock.GetUtcNow()));
        await host.WaitForStoreAsync(Store, v => v.Online);
        await node.DeathAsync(3); // the late will of the previous session
        var stillOnline = await host.WaitForStoreAsync(Store, v => v.StaleDeathsIgnored == 1);
        await node.DeathAsync(4);
        var offline = await host.WaitForStoreAsync(Store, v => !v.Online);

        Assert.True(stillOnline.Online);
        Assert.Equal(host.Clock.GetUtcNow(), offline.DiedAt);
        Assert.Contains(host.Get<AlarmBook>().Active(Store), a => a.Key == "hub-offline" && a.Severity == AlarmSeverity.Critical);
    }

    [RequiresMosquittoFact]
    public async Task DeviceBirthDataDeath_DeviceShownWithKindAndStatusThenOffline()
    {
        await using var s = await Scenario.StartAsync(Store);
        var (host, node) = (s.Host, s.Node);

        await node.BirthAsync(1, HubMetrics(1, host.Clock.GetUtcNow()));
        await node.DeviceBirthAsync("kiosk-k1", "idle");
        await node.DeviceBirthAsync("wearable-w1", "on shift");
        await node.DeviceDataAsync("kiosk-k1", "in session");
        var both = await host.WaitForStoreAsync(Store, v => v.Devices.Any(d => d.Status == "in session") && v.Devices.Count == 2);
        await node.DeviceDeathAsync("wearable-w1");
        var one = await host.WaitForStoreAsync(Store, v => v.Devices.Any(d => !d.Online));

        Assert.Equal([("kiosk-k1", "kiosk", true), ("wearable-w1", "wearable", true)], both.Devices.Select(d => (d.Id, d.Kind, d.Online)));
        Assert.False(one.Devices.Single(d => d.Id == "wearable-w1").Online);
        Assert.Equal(0, one.SeqGaps);
        Assert.Contains(host.Get<AlarmBook>().Active(Store), a => a.Key == "device:wearable-w1");
    }

    [RequiresMosquittoFact]
    public async Task SeqGap_InNData_RebirthNcmdOnTheBrokerOncePerRetryInterval()
    {
        await using var s = await Scenario.StartAsync(Store, watch: Ncmd);
        var (host, hub, node) = (s.Host, s.Hub, s.Node);
        await node.BirthAsync(2, HubMetrics(2, host.Clock.GetUtcNow()));
        await node.DataAsync(Long("Presence/Members Present", 4));
        await host.WaitForStoreAsync(Store, v => v.Number("Presence/Members Present") == 4);

        node.Skip(2); // two NDATA lost on the way
        await node.DataAsync(Long("Presence/Members Present", 6));
        var ncmd = await hub.NextAsync(m => m.Topic.EndsWith("/NCMD/" + Store, StringComparison.Ordinal));
        node.Skip(1); // another gap within RebirthRetry: applied, but no second request
        await node.DataAsync(Long("Presence/Members Present", 8));
        var gapped = await host.WaitForStoreAsync(Store, v => v.SeqGaps == 2);

        var command = Payload.Parser.ParseFrom(ncmd.Payload.Span);
        Assert.Equal(SparkplugTopics.Node(DashboardHost.Group, "NCMD", Store), ncmd.Topic);
        Assert.Contains(command.Metrics, m => m.Name == SparkplugTopics.Rebirth && m.BooleanValue);
        Assert.Equal(1, host.Board.RebirthsRequested);
        Assert.True(gapped.RebirthPending);
        Assert.Equal(8, gapped.Number("Presence/Members Present"));

        host.Clock.Advance(TimeSpan.FromSeconds(10));
        node.Skip(1);
        await node.DataAsync(Long("Presence/Members Present", 9));
        await hub.NextAsync(m => m.Topic.EndsWith("/NCMD/" + Store, StringComparison.Ordinal));
        await node.BirthAsync(2, HubMetrics(2, host.Clock.GetUtcNow())); // the hub answers with a birth
        var reborn = await host.WaitForStoreAsync(Store, v => !v.RebirthPending);
        Assert.Equal(2, host.Board.RebirthsRequested);
        Assert.True(reborn.Online);
    }

    [RequiresMosquittoFact]
    public async Task NData_FromANodeNeverBorn_AsksForRebirth()
    {
        await using var s = await Scenario.StartAsync(Store, watch: Ncmd);
        var (host, hub, node) = (s.Host, s.Hub, s.Node);

        // The dashboard started after the hub's NBIRTH (births are not retained): the first NDATA is all it hears.
        await node.DataAsync(Long("Presence/Members Present", 4));
        var ncmd = await hub.NextAsync(m => m.Topic.EndsWith("/NCMD/" + Store, StringComparison.Ordinal));

        Assert.Contains(Payload.Parser.ParseFrom(ncmd.Payload.Span).Metrics, m => m.Name == SparkplugTopics.Rebirth && m.BooleanValue);
        Assert.False(host.Board.Store(Store)!.Born);
    }

    [RequiresMosquittoFact]
    public async Task BadPayloads_RefusedAndCounted_HostKeepsWorking()
    {
        await using var s = await Scenario.StartAsync(Store);
        var (host, hub, node) = (s.Host, s.Hub, s.Node);

        await node.RawAsync("NBIRTH", [0xff, 0xff, 0xff, 0x01]); // not protobuf
        await node.RawAsync("NBIRTH", new Payload { Seq = 0, Metrics = { Text("Properties/Version", "1") } }.ToByteArray()); // no bdSeq
        await hub.Client.PublishAsync(new Edge.Messaging.MqttMessage($"spBv1.0/{DashboardHost.Group}/NFOO/{Store}", new byte[] { 1 }));
        await node.BirthAsync(0, HubMetrics(0, host.Clock.GetUtcNow()));
        await host.WaitForStoreAsync(Store, v => v.Online);

        Assert.Equal(3, host.Board.Refused);
        Assert.Equal(4, host.Board.Received);
    }

    [RequiresMosquittoFact]
    public async Task Alarm_FromHubMetric_AcknowledgedByANamedPersonAtTheClockTime()
    {
        await using var s = await Scenario.StartAsync(Store);
        var (host, node) = (s.Host, s.Node);
        await node.BirthAsync(1, HubMetrics(1, host.Clock.GetUtcNow()));
        await node.DataAsync(Bool("Alarms/Outbox Over Quota", true));
        await host.WaitForStoreAsync(Store, v => v.Metric("Alarms/Outbox Over Quota")?.Value is true);
        var alarm = host.Get<AlarmBook>().Active(Store).Single(a => a.Key == "Alarms/Outbox Over Quota");
        host.Clock.Advance(TimeSpan.FromMinutes(3));
        using var http = s.Http(htmx: true);
        var ack = $"/stores/{Store}/alarms/{alarm.Id}/ack";

        using var empty = await http.PostAsync(ack, new FormUrlEncodedContent([new("by", "  ")]));
        using var tooLong = await http.PostAsync(ack, new FormUrlEncodedContent([new("by", new string('x', 65))]));
        using var ok = await http.PostAsync(ack, new FormUrlEncodedContent([new("by", "Maria Lopez")]));
        var panel = await ok.Content.ReadAsStringAsync();

        Assert.Equal(AlarmSeverity.Critical, alarm.Severity);
        Assert.Equal("400", empty.Headers.GetValues("X-Dashboard-Status").Single());
        Assert.Contains("type your name first", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("400", tooLong.Headers.GetValues("X-Dashboard-Status").Single());
        Assert.Equal(2, host.Get<DashboardCounters>().RequestsRefused);
        Assert.Contains("by Maria Lopez at 2026-11-23 10:03:00Z", panel, StringComparison.Ordinal);
        var acked = host.Get<AlarmBook>().Active(Store).Single(a => a.Id == alarm.Id);
        Assert.Equal(("Maria Lopez", host.Clock.GetUtcNow()), (acked.AcknowledgedBy, acked.AcknowledgedAt));

        await node.DataAsync(Bool("Alarms/Outbox Over Quota", false));
        await host.WaitForStoreAsync(Store, v => v.Metric("Alarms/Outbox Over Quota")?.Value is false);
        Assert.DoesNotContain(host.Get<AlarmBook>().Active(Store), a => a.Id == alarm.Id);
        Assert.Contains(host.Get<AlarmBook>().Recent(Store), a => a.Id == alarm.Id && a.AcknowledgedBy == "Maria Lopez" && a.ClearedAt is not null);
    }

    [RequiresMosquittoFact]
    public async Task Commands_ResyncAndDiagnostics_SentAsNcmdAndHandledByTheHub()
    {
        await using var s = await Scenario.StartAsync(Store, watch: Ncmd);
        var (host, hub, node) = (s.Host, s.Hub, s.Node);
        await s.BirthAsync();
        using var http = s.Http(htmx: true);

        using var resync = await http.PostAsync($"/stores/{Store}/commands/resync", null);
        var resyncNcmd = await hub.NextAsync(_ => true);
        using var diagnostics = await http.PostAsync($"/stores/{Store}/commands/diagnostics", null);
        var diagnosticsNcmd = await hub.NextAsync(_ => true);
        using var rebirth = await http.PostAsync($"/stores/{Store}/commands/rebirth", null);
        var rebirthNcmd = await hub.NextAsync(_ => true);
        using var unknown = await http.PostAsync($"/stores/{Store}/commands/format-disk", null);
        using var noStore = await http.PostAsync("/stores/nowhere/commands/rebirth", null);

        Assert.Equal("Node Control/Resync", Payload.Parser.ParseFrom(resyncNcmd.Payload.Span).Metrics.Single().Name);
        Assert.Equal("Node Control/Diagnostic Bundle", Payload.Parser.ParseFrom(diagnosticsNcmd.Payload.Span).Metrics.Single().Name);
        Assert.Equal(SparkplugTopics.Rebirth, Payload.Parser.ParseFrom(rebirthNcmd.Payload.Span).Metrics.Single().Name);
        var resyncText = await resync.Content.ReadAsStringAsync();
        Assert.Contains("Sent: Resync with the cloud (Node Control/Resync).", resyncText, StringComparison.Ordinal);
        Assert.DoesNotContain("does not handle", resyncText, StringComparison.Ordinal);
        Assert.DoesNotContain("does not handle", await diagnostics.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("does not handle", await rebirth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (unknown.StatusCode, noStore.StatusCode));
        Assert.Equal(2, host.Get<DashboardCounters>().RequestsRefused);
    }
}
