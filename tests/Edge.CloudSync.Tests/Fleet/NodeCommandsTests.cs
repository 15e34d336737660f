using System.Text;
using System.Text.Json;
using Edge.CloudSync.Fleet;
using Edge.CloudSync.Fleet.Diagnostics;
using Edge.CloudSync.Tests.Fixtures;
using Edge.CloudSync.Tests.Upstream;
using Edge.Contracts.Cloud;
using Edge.Messaging;
using Edge.Sparkplug.Protobuf;
using Edge.TestKit;
using Google.Protobuf;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Edge.CloudSync.Tests.Fleet;

/// <summary>
/// Node Control/Resync and Node Control/Diagnostic Bundle, and the version metrics, through the real binary's host on
/// real brokers (the cloud one over mutual TLS), decoded by Eclipse Tahu. Bad NCMDs tried: Resync as an Int64, Resync
/// false, an unknown command metric, bytes that are not a Sparkplug payload.
/// </summary>
public sealed class NodeCommandsTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _dir = new("cloud-sync-commands");
    private readonly CloudPki _pki = new();

    [RequiresTahuFact]
    public async Task Commands_ResyncAndDiagnosticBundle_GoUpThroughTheOutboxAndTheNodeReportsThem()
    {
        await using var local = await MosquittoBroker.StartAsync();
        var port = FreePort.Next();
        await using var cloudBroker = await MosquittoBroker.StartAsync(_pki.ListenerConfig(port), listenerOnDefaultPort: false);
        await using var spHost = await SparkplugHost.StartAsync(_pki, port);
        await using var consumer = await CloudConsumer.StartAsync(_pki, port);
        await using var sender = await CloudSender.StartAsync(_pki, port);
        await using var bus = await LocalProducer.StartAsync(local);
        File.WriteAllText(_dir.File("store.json"), """{"Edge":{"Store":{"StoreId":"store-1","HubId":"hub-1"}}}""");
        var extra = new Dictionary<string, string?> { ["CloudSync:Downstream:SigningPublicKeyFile"] = sender.WritePublicKey(_dir.File("cloud-signing.pem")) };
        using var host = await CloudSyncHost.StartAsync(local, _pki.WriteCloudJson("store-1", "hub-1", "eu", port), _dir.File("outbox.db"), extra);
        var node = host.Services.GetRequiredService<FleetNode>();

        // Births announce the new commands and metrics; no model version before edge-agent says one.
        var birth = SparkplugHost.Decode(await spHost.WaitForAsync(m => m.Topic == "spBv1.0/eu/NBIRTH/store-1", what: "NBIRTH"));
        Assert.False(Metric(birth, "Node Control/Resync").BooleanValue);
        Assert.False(Metric(birth, "Node Control/Diagnostic Bundle").BooleanValue);
        Assert.Equal(0UL, Metric(birth, "Sync/Last Resync").LongValue);
        Assert.Equal(0UL, Metric(birth, "Diagnostics/Last Bundle").LongValue);
        Assert.Equal(0UL, Metric(birth, "Commands/Refused").LongValue);
        var filesOnly = Metric(birth, "Properties/Configuration Version").StringValue;
        Assert.Matches("^[0-9a-f]{12}$", filesOnly);
        Assert.DoesNotContain(birth.Metrics, m => m.Name == "Properties/Model Version");
        Assert.DoesNotContain(birth.Metrics, m => m.Name == "Properties/Shadow Model Version");

        // edge-agent's retained model texts: new metrics, so a new birth carries them.
        var mark = spHost.Messages.Count;
        await bus.PublishRawAsync("store/services/edge-agent/state", "running"u8.ToArray());
        await bus.PublishRawAsync("store/services/edge-agent/model", "offers 2026.11.1"u8.ToArray());
        await bus.PublishRawAsync("store/services/edge-agent/shadow-model", "offers 2026.12.1"u8.ToArray());
        var rebirth = await spHost.WaitForAsync(m => SparkplugHost.Type(m) == "NBIRTH" && SparkplugHost.Decode(m).Metrics.Any(x => x.Name == "Properties/Shadow Model Version"), mark, "NBIRTH with the shadow model version");
        Assert.Equal("offers 2026.11.1", Metric(SparkplugHost.Decode(rebirth), "Properties/Model Version").StringValue);
        Assert.Equal("offers 2026.12.1", Metric(SparkplugHost.Decode(rebirth), "Properties/Shadow Model Version").StringValue);

        // A promotion: the shadow slot says "none", a value HQ shows, so it changes in an NDATA (the metric stays).
        await bus.PublishRawAsync("store/services/edge-agent/shadow-model", "none"u8.ToArray());
        var promoted = await spHost.WaitForAsync(m => SparkplugHost.Type(m) == "NDATA" && SparkplugHost.Decode(m).Metrics.Any(x => x.Name == "Properties/Shadow Model Version"), mark, "NDATA with the shadow model version");
        Assert.Equal("none", Metric(SparkplugHost.Decode(promoted), "Properties/Shadow Model Version").StringValue);

        // The configuration version follows the files and the cloud's configuration kind.
        File.WriteAllText(_dir.File("store.json"), """{"Edge":{"Store":{"StoreId":"store-1","HubId":"hub-1"}},"CloudSync":{}}""");
        await sender.PublishAsync(CloudSender.Down("store-1", DownKinds.Configuration, "configuration:1", 1, """{"name":"c"}"""u8.ToArray(), signWith: sender.Key));
        await sender.PublishAsync(CloudSender.Down("store-1", DownKinds.MemberDelta, "member-delta:1", 1, """{"name":"d"}"""u8.ToArray()));
        var configured = await spHost.WaitForAsync(m => SparkplugHost.Type(m) == "NDATA" && SparkplugHost.Decode(m).Metrics.Any(x => x.Name == "Properties/Configuration Version" && x.StringValue.EndsWith(" cloud #1", StringComparison.Ordinal)), mark, "NDATA configuration version with cloud #1");
        var version = Metric(SparkplugHost.Decode(configured), "Properties/Configuration Version").StringValue;
        Assert.NotEqual(filesOnly, version[..12]);
        await UpstreamEndToEndTests.WaitUntilAsync(() => host.Services.GetRequiredService<Edge.CloudSync.Downstream.InboxStore>().LastSequence(DownKinds.MemberDelta) == 1, "member delta accepted");

        // A member in the store: the bundle may say how many, never who.
        await bus.PublishRawAsync("store/presence/members/entered", Encoding.UTF8.GetBytes("""{"type":"entered","eventId":"e1","memberId":"m-private-7","zone":"z","confidence":1,"occurredAt":"2026-11-23T09:00:00Z","distanceMeters":1}"""));
        await UpstreamEndToEndTests.WaitUntilAsync(() => host.Services.GetRequiredService<LocalFleetInputs>().MembersPresent == 1, "member present");

        // Resync: a request with the inbox marks goes up on its own stream (its first use adds Outbox/resync/Depth: a rebirth).
        mark = spHost.Messages.Count;
        await spHost.CommandAsync("spBv1.0/eu/NCMD/store-1", "Node Control/Resync");
        var resync = await UpBodyAsync(consumer, HubStreams.Resync, HubStreams.ResyncRequestedType);
        var request = resync.Deserialize(CloudJsonContext.Default.ResyncRequest)!;
        Assert.Equal("store-1", request.StoreId);
        Assert.Equal(DownKinds.All.Order(StringComparer.Ordinal), request.Marks.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((1L, 1L, 0L), (request.Marks[DownKinds.MemberDelta], request.Marks[DownKinds.Configuration], request.Marks[DownKinds.OfferCatalog]));

        // Diagnostic bundle: on the diagnostics stream, no personal data.
        await spHost.CommandAsync("spBv1.0/eu/NCMD/store-1", "Node Control/Diagnostic Bundle");
        var bundle = await UpBodyAsync(consumer, HubStreams.Diagnostics, HubStreams.DiagnosticBundleType);
        var raw = bundle.GetRawText();
        output.WriteLine($"diagnostic bundle: {Encoding.UTF8.GetByteCount(raw)} bytes");
        Assert.Equal(("store-1", "hub-1", "offers 2026.11.1", version), (bundle.GetProperty("storeId").GetString(), bundle.GetProperty("hubId").GetString(), bundle.GetProperty("modelVersion").GetString(), bundle.GetProperty("configurationVersion").GetString()));
        Assert.Equal("none", bundle.GetProperty("shadowModelVersion").GetString()); // promoted above
        Assert.Equal(1, bundle.GetProperty("inboxMarks").GetProperty(DownKinds.MemberDelta).GetInt64());
        Assert.Equal(1, bundle.GetProperty("membersPresent").GetInt32());
        Assert.Contains(bundle.GetProperty("outbox").EnumerateArray(), s => s.GetProperty("stream").GetString() == HubStreams.Resync && s.GetProperty("policy").GetString() == "Protected");
        Assert.Equal(_dir.File("outbox.db"), bundle.GetProperty("configuration").GetProperty("CloudSync:Outbox:DatabasePath").GetString());
        Assert.Equal("running", bundle.GetProperty("services").GetProperty("edge-agent").GetString());
        Assert.DoesNotContain("m-private-7", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("member-delta:1", raw, StringComparison.Ordinal); // message ids stay home
        var reported = await spHost.WaitForAsync(m => SparkplugHost.Type(m) is "NDATA" or "NBIRTH" && SparkplugHost.Decode(m).Metrics.Any(x => x.Name == "Diagnostics/Last Bundle" && x.LongValue > 0), mark, "NDATA or NBIRTH Diagnostics/Last Bundle");
        Assert.Equal((ulong)bundle.GetProperty("generatedAt").GetDateTimeOffset().ToUnixTimeMilliseconds(), Metric(SparkplugHost.Decode(reported), "Diagnostics/Last Bundle").LongValue);
        Assert.True(spHost.Messages.Skip(mark).Any(m => SparkplugHost.Type(m) is "NDATA" or "NBIRTH" && SparkplugHost.Decode(m).Metrics.Any(x => x.Name == "Sync/Last Resync" && x.LongValue > 0)), "Sync/Last Resync reported");

        // Bad NCMDs: refused, counted, reported; nothing more goes up.
        await spHost.SendAsync("spBv1.0/eu/NCMD/store-1", Command(new Payload.Types.Metric { Name = "Node Control/Resync", Datatype = 4, LongValue = 1 }));
        await spHost.SendAsync("spBv1.0/eu/NCMD/store-1", Command(new Payload.Types.Metric { Name = "Node Control/Resync", Datatype = 11, BooleanValue = false }));
        await spHost.SendAsync("spBv1.0/eu/NCMD/store-1", Command(new Payload.Types.Metric { Name = "Node Control/Format Disk", Datatype = 11, BooleanValue = true }));
        await spHost.SendAsync("spBv1.0/eu/NCMD/store-1", [0xff, 0x01, 0x02]);
        await spHost.WaitForAsync(m => SparkplugHost.Type(m) is "NDATA" or "NBIRTH" && SparkplugHost.Decode(m).Metrics.Any(x => x.Name == "Commands/Refused" && x.LongValue == 4), mark, "Commands/Refused = 4");
        Assert.Equal((4L, 1L, 1L), (node.CommandsRefused, node.ResyncCommands, node.DiagnosticCommands));
        Assert.Single(consumer.Batches.SelectMany(b => b.Messages.Select(m => (b.Stream, m.MessageId))).Where(x => x.Stream == HubStreams.Resync).Distinct());

        // Eclipse Tahu decodes the births and data with the new metric types.
        var nodeMessages = spHost.Messages.Where(m => SparkplugHost.Type(m) is "NBIRTH" or "NDATA").ToList();
        var decoded = await TahuDecoder.DecodeAsync(nodeMessages);
        var metrics = decoded.EnumerateArray().SelectMany(d => d.GetProperty("payload").GetProperty("metrics").EnumerateArray()).ToList();
        Assert.Contains(metrics, m => m.GetProperty("name").GetString() == "Diagnostics/Last Bundle" && m.GetProperty("type").GetString() == "DateTime");
        Assert.Contains(metrics, m => m.GetProperty("name").GetString() == "Properties/Model Version" && m.GetProperty("type").GetString() == "String" && m.GetProperty("value").GetString() == "offers 2026.11.1");
        Assert.Contains(metrics, m => m.GetProperty("name").GetString() == "Properties/Shadow Model Version" && m.GetProperty("type").GetString() == "String" && m.GetProperty("value").GetString() == "offers 2026.12.1");
        Assert.Contains(metrics, m => m.GetProperty("name").GetString() == "Properties/Shadow Model Version" && m.GetProperty("type").GetString() == "String" && m.GetProperty("value").GetString() == "none");
        Assert.Contains(metrics, m => m.GetProperty("name").GetString() == "Node Control/Diagnostic Bundle" && m.GetProperty("type").GetString() == "Boolean");
        Assert.Contains(metrics, m => m.GetProperty("name").GetString() == "Commands/Refused" && m.GetProperty("type").GetString() == "Int64");
        await host.StopAsync();
    }

    [Fact]
    public void RedactedConfiguration_SecretKeys_ValuesReplacedOthersKept()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Edge:Broker:Password"] = "s3cret",
            ["Edge:Broker:Username"] = "store-edge-cloud-sync",
            ["CloudSync:Downstream:SigningPublicKeyFile"] = "/etc/store-edge/down.pem",
            ["CloudSync:Outbox:QuotaBytes"] = "1048576",
            ["EdgeAgent:Api:PosToken"] = "not-cloud-sync-s",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        }).Build();

        var redacted = DiagnosticBundleCollector.RedactedConfiguration(configuration);

        Assert.Equal(DiagnosticBundleCollector.Redacted, redacted["Edge:Broker:Password"]);
        Assert.Equal(DiagnosticBundleCollector.Redacted, redacted["CloudSync:Downstream:SigningPublicKeyFile"]);
        Assert.Equal("store-edge-cloud-sync", redacted["Edge:Broker:Username"]);
        Assert.Equal("1048576", redacted["CloudSync:Outbox:QuotaBytes"]);
        Assert.False(redacted.ContainsKey("EdgeAgent:Api:PosToken"));
        Assert.False(redacted.ContainsKey("Serilog:MinimumLevel:Default"));
    }

    private static Payload.Types.Metric Metric(Payload p, string name) => p.Metrics.Single(m => m.Name == name);

    private static byte[] Command(Payload.Types.Metric metric) => new Payload { Timestamp = 1, Metrics = { metric } }.ToByteArray();

    /// <summary>The body of the first event of <paramref name="stream"/> the cloud consumer received (deadline, not a sleep).</summary>
    private static async Task<JsonElement> UpBodyAsync(CloudConsumer consumer, string stream, string type)
    {
        await UpstreamEndToEndTests.WaitUntilAsync(() => consumer.Batches.Any(b => b.Stream == stream), $"an up batch on {stream}");
        var e = consumer.Batches.First(b => b.Stream == stream).Messages[0].Event.Deserialize(CloudJsonContext.Default.OutboxEvent)!;
        Assert.Equal(type, e.Type);
        return e.Body;
    }

    public void Dispose()
    {
        _pki.Dispose();
        _dir.Dispose();
    }
}
