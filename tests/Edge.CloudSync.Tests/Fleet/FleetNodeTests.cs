using System.Globalization;
using System.Text;
using System.Text.Json;
using Edge.CloudSync.Fleet;
using Edge.CloudSync.Tests.Fixtures;
using Edge.CloudSync.Tests.Upstream;
using Edge.Messaging;
using Edge.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Edge.CloudSync.Tests.Fleet;

/// <summary>The hub as a Sparkplug B edge node on the real cloud broker; every message type we emit decoded by Eclipse Tahu.</summary>
public sealed class FleetNodeTests : IDisposable
{
    private readonly TempDirectory _dir = new("cloud-sync-fleet");
    private readonly CloudPki _pki = new();

    [RequiresTahuFact]
    public async Task Node_BirthsDataCommandsAndDevices_SpecShapedAndDecodedByTahu()
    {
        await using var local = await MosquittoBroker.StartAsync();
        var port = FreePort.Next();
        await using var cloud = await MosquittoBroker.StartAsync(_pki.ListenerConfig(port), listenerOnDefaultPort: false);
        await using var spHost = await SparkplugHost.StartAsync(_pki, port);
        await using var bus = await LocalProducer.StartAsync(local);
        var reboot = new RecordingReboot();
        using var host = await CloudSyncHost.StartAsync(local, _pki.WriteCloudJson("store-1", "hub-1", "eu", port), _dir.File("outbox.db"),
            services: s => s.AddSingleton<IRebootRequester>(reboot));

        var nbirth = await spHost.WaitForAsync(m => m.Topic == "spBv1.0/eu/NBIRTH/store-1", what: "NBIRTH");
        var birth = SparkplugHost.Decode(nbirth);
        Assert.Equal(0UL, birth.Seq);
        var names = birth.Metrics.Select(m => m.Name).ToList();
        foreach (var required in new[] { "bdSeq", "Node Control/Rebirth", "Node Control/Reboot", "Properties/Version", "Services/cloud-sync/State", "Outbox/Oldest Unsent Age (s)", "Sync/Last Ack", "Presence/Members Present", "System/CPU (%)", "System/Memory (%)", "System/Disk Used (%)", "Certificate/Not After", "Alarms/Downstream Rejected" })
        {
            Assert.Contains(required, names);
        }

        var notAfter = birth.Metrics.Single(m => m.Name == "Certificate/Not After").LongValue;
        Assert.Equal(new DateTimeOffset(_pki.HubNotAfter).ToUnixTimeMilliseconds(), (long)notAfter);

        // Devices and presence from the local bus.
        var mark = spHost.Messages.Count;
        await bus.PublishRawAsync("store/kiosk/k1/status", "online"u8.ToArray());
        await spHost.WaitForAsync(m => m.Topic == "spBv1.0/eu/DBIRTH/store-1/kiosk-k1", mark, "DBIRTH kiosk-k1");
        await bus.PublishRawAsync("store/kiosk/k1/status", "busy"u8.ToArray());
        await spHost.WaitForAsync(m => m.Topic == "spBv1.0/eu/DDATA/store-1/kiosk-k1", mark, "DDATA kiosk-k1");
        await bus.PublishRawAsync("store/wearables/clerk-ana/status", "on shift in tv"u8.ToArray());
        await spHost.WaitForAsync(m => m.Topic == "spBv1.0/eu/DBIRTH/store-1/wearable-clerk-ana", mark, "DBIRTH wearable-clerk-ana");
        await bus.PublishRawAsync("store/scanners/pos-1/status", "ready"u8.ToArray());
        await spHost.WaitForAsync(m => m.Topic == "spBv1.0/eu/DBIRTH/store-1/scanner-pos-1", mark, "DBIRTH scanner-pos-1");
        await bus.PublishRawAsync("store/presence/members/entered", Encoding.UTF8.GetBytes("""{"type":"entered","eventId":"e1","memberId":"m1","zone":"z","confidence":1,"occurredAt":"2026-11-23T09:00:00Z","distanceMeters":1}"""));
        var ndata = await spHost.WaitForAsync(m => SparkplugHost.Type(m) == "NDATA" && SparkplugHost.Decode(m).Metrics.Any(x => x.Name == "Presence/Members Present" && x.LongValue == 1), mark, "NDATA members present = 1");
        Assert.DoesNotContain(SparkplugHost.Decode(ndata).Metrics, x => x.Name == "Properties/Version"); // only what changed
        await bus.PublishRawAsync("store/kiosk/k1/status", "offline"u8.ToArray());
        await spHost.WaitForAsync(m => m.Topic == "spBv1.0/eu/DDEATH/store-1/kiosk-k1", mark, "DDEATH kiosk-k1");

        // Node Control.
        mark = spHost.Messages.Count;
        await spHost.CommandAsync("spBv1.0/eu/NCMD/store-1", "Node Control/Rebirth");
        var rebirth = await spHost.WaitForAsync(m => m.Topic == "spBv1.0/eu/NBIRTH/store-1", mark, "NBIRTH after Rebirth");
        Assert.Equal(0UL, SparkplugHost.Decode(rebirth).Seq);
        await spHost.CommandAsync("spBv1.0/eu/NCMD/store-1", "Node Control/Reboot");
        await UpstreamEndToEndTests.WaitUntilAsync(() => reboot.Count == 1, "reboot requested once");

        // seq increases by one per message after each NBIRTH (mod 256).
        var node = spHost.Messages.Where(m => m.Topic.Split('/')[3] == "store-1" && SparkplugHost.Type(m) is not ("NDEATH" or "NCMD" or "DCMD")).ToList();
        var seqs = node.Select(m => (Type: SparkplugHost.Type(m), Seq: SparkplugHost.Decode(m).Seq)).ToList();
        for (var i = 1; i < seqs.Count; i++)
        {
            Assert.Equal(seqs[i].Type == "NBIRTH" ? 0UL : (seqs[i - 1].Seq + 1) % 256, seqs[i].Seq);
        }

        // Eclipse Tahu decodes every type we emitted, to the same values.
        var decoded = await TahuDecoder.DecodeAsync(node);
        var types = decoded.EnumerateArray().Select(d => d.GetProperty("topic").GetString()!.Split('/')[2]).ToHashSet();
        Assert.Superset(new HashSet<string> { "NBIRTH", "NDATA", "DBIRTH", "DDATA", "DDEATH" }, types);
        var tahuBirth = decoded[0].GetProperty("payload");
        Assert.Equal(birth.Metrics.Count, tahuBirth.GetProperty("metrics").GetArrayLength());
        var tahuBdSeq = tahuBirth.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "bdSeq");
        Assert.Equal("Int64", tahuBdSeq.GetProperty("type").GetString());
        Assert.Equal(host.Services.GetRequiredService<FleetNode>().BdSeq.ToString(CultureInfo.InvariantCulture), ValueText(tahuBdSeq.GetProperty("value")));
        await host.StopAsync();
    }

    [RequiresTahuFact]
    public async Task Node_KilledThenRestartedThenStopped_EachEndGivesAnNdeathWithItsBirthsBdSeq()
    {
        await using var local = await MosquittoBroker.StartAsync();
        var port = FreePort.Next();
        await using var cloud = await MosquittoBroker.StartAsync(_pki.ListenerConfig(port), listenerOnDefaultPort: false);
        await using var spHost = await SparkplugHost.StartAsync(_pki, port);
        var env = new Dictionary<string, string?>
        {
            ["EDGE_CONFIG_DIR"] = _dir.Path,
            ["Edge__Store__StoreId"] = "store-1",
            ["Edge__Store__HubId"] = "hub-1",
            ["Edge__Broker__Host"] = local.Host,
            ["Edge__Broker__Port"] = local.Port.ToString(CultureInfo.InvariantCulture),
            ["CloudSync__IdentityFile"] = _pki.WriteCloudJson("store-1", "hub-1", "eu", port),
            ["CloudSync__Outbox__DatabasePath"] = _dir.File("outbox.db"),
            ["CloudSync__Downstream__InboxPath"] = _dir.File("inbox.db"),
            ["INVOCATION_ID"] = string.Empty, // never a systemd unit here: a reboot request is refused
        };
        var binary = ServiceProcess.BinaryPath("cloud-sync/Edge.CloudSync", "cloud-sync.dll");

        var first = ServiceProcess.Start(binary, env);
        await using (first)
        {
            await spHost.WaitForAsync(m => SparkplugHost.Type(m) == "NBIRTH", what: "NBIRTH");
            await spHost.CommandAsync("spBv1.0/eu/NCMD/store-1", "Node Control/Reboot");
            await UpstreamEndToEndTests.WaitUntilAsync(() => first.Output.Contains("Reboot requested over Sparkplug but refused: not running under systemd", StringComparison.Ordinal), "reboot refused outside systemd");
            Signals.Send(first.Id, Signals.SigKill);
            await first.WaitForExitAsync(TimeSpan.FromSeconds(10));
        }

        var death = await spHost.WaitForAsync(m => SparkplugHost.Type(m) == "NDEATH", what: "NDEATH (will)");
        var second = ServiceProcess.Start(binary, env);
        await using (second)
        {
            var births = spHost.Messages.Count(m => SparkplugHost.Type(m) == "NBIRTH");
            await spHost.WaitForAsync(m => SparkplugHost.Type(m) == "NBIRTH", spHost.Messages.ToList().FindLastIndex(m => SparkplugHost.Type(m) == "NBIRTH") + 1, "second NBIRTH");
            await second.TerminateAsync(TimeSpan.FromSeconds(10));
        }

        // A graceful stop DISCONNECTs, which would discard the will: Sparkplug 3.0 still wants the NDEATH (section
        // "Edge Node intentional disconnect"), and HQ would otherwise show the hub online for ever.
        var secondBirth = spHost.Messages.ToList().FindLastIndex(m => SparkplugHost.Type(m) == "NBIRTH");
        var gracefulDeath = await spHost.WaitForAsync(m => SparkplugHost.Type(m) == "NDEATH", secondBirth + 1, "NDEATH at a graceful stop");

        var nbirths = spHost.Messages.Where(m => SparkplugHost.Type(m) == "NBIRTH").Select(BdSeq).ToList();
        var deathBdSeq = BdSeq(death);
        Assert.Equal(nbirths[0], deathBdSeq);
        Assert.Equal((nbirths[0] + 1) % 256, nbirths[^1]);
        Assert.Single(SparkplugHost.Decode(death).Metrics);
        Assert.Equal(nbirths[^1], BdSeq(gracefulDeath));

        var decoded = await TahuDecoder.DecodeAsync([death]);
        var metric = decoded[0].GetProperty("payload").GetProperty("metrics")[0];
        Assert.Equal("bdSeq", metric.GetProperty("name").GetString());
        Assert.Equal(deathBdSeq.ToString(CultureInfo.InvariantCulture), ValueText(metric.GetProperty("value")));
    }

    private static long BdSeq(MqttMessage m) => (long)SparkplugHost.Decode(m).Metrics.Single(x => x.Name == "bdSeq").LongValue;

    private static string ValueText(JsonElement v) => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText();

    private sealed class RecordingReboot : IRebootRequester
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public Task<bool> RequestRebootAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return Task.FromResult(true);
        }
    }

    public void Dispose()
    {
        _pki.Dispose();
        _dir.Dispose();
    }
}
