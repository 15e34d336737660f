using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Edge.CloudSync.Downstream;
using Edge.CloudSync.Tests.Fixtures;
using Edge.CloudSync.Tests.Upstream;
using Edge.Contracts.Cloud;
using Edge.Messaging;
using Edge.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Edge.CloudSync.Tests.Downstream;

/// <summary>Cloud -> inbox -> local bus with the real brokers (cloud over mutual TLS) and a real SQLite inbox.</summary>
public sealed class DownstreamEndToEndTests : IDisposable
{
    private readonly TempDirectory _dir = new("cloud-sync-down");
    private readonly CloudPki _pki = new();

    [RequiresMosquittoFact]
    public async Task Down_DuplicatesAndReplays_AppliedOnceInOrderAndForwardedToEdgeAgent()
    {
        await using var env = await EnvAsync();
        await using var sender = await CloudSender.StartAsync(_pki, env.CloudPort);
        var extra = Extra(sender);
        await using var observer = await LocalObserver.StartAsync(env.Local);
        var host = await CloudSyncHost.StartAsync(env.Local, env.CloudJson, _dir.File("outbox.db"), extra);
        try
        {
            await sender.PublishAsync(CloudSender.Down("store-1", DownKinds.OfferCatalog, "o1", 1, Body("first")));
            await sender.PublishAsync(CloudSender.Down("store-1", DownKinds.OfferCatalog, "o2", 2, Body("second")));
            await sender.PublishAsync(CloudSender.Down("store-1", DownKinds.OfferCatalog, "o1", 1, Body("first")));
            await sender.PublishAsync(CloudSender.Down("store-1", DownKinds.Configuration, "c1", 1, Body("config"), signWith: sender.Key));
            await sender.PublishAsync(CloudSender.Down("store-1", DownKinds.OfferCatalog, "o2", 2, Body("second")));
            await sender.PublishAsync(CloudSender.Down("store-1", DownKinds.OfferCatalog, "o3", 3, Body("third")));
            await UpstreamEndToEndTests.WaitUntilAsync(() => observer.Events.Count >= 4, "4 events forwarded");

            Assert.Equal(["o1", "o2", "c1", "o3"], observer.Events.Select(e => e.MessageId));
            Assert.Equal([1L, 2, 1, 3], observer.Events.Select(e => e.Sequence));
            Assert.Equal("first", observer.Events[0].Body.GetProperty("name").GetString());
            Assert.Equal(2, host.Services.GetRequiredService<DownstreamCounters>().Duplicates);
            await host.StopAsync();
            host.Dispose();

            // After a restart the inbox still knows o3: a replay is not applied again.
            host = await CloudSyncHost.StartAsync(env.Local, env.CloudJson, _dir.File("outbox.db"), extra);
            await sender.PublishAsync(CloudSender.Down("store-1", DownKinds.OfferCatalog, "o3", 3, Body("third")));
            await sender.PublishAsync(CloudSender.Down("store-1", DownKinds.OfferCatalog, "o4", 4, Body("fourth")));
            await UpstreamEndToEndTests.WaitUntilAsync(() => observer.Events.Count >= 5, "o4 forwarded");
            Assert.Equal(["o1", "o2", "c1", "o3", "o4"], observer.Events.Select(e => e.MessageId));
            Assert.Equal(1, host.Services.GetRequiredService<DownstreamCounters>().Duplicates);
        }
        finally
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    [RequiresMosquittoFact]
    public async Task Down_BadInput_DeadLetteredWithReasonAndNothingApplied()
    {
        await using var env = await EnvAsync();
        await using var sender = await CloudSender.StartAsync(_pki, env.CloudPort);
        await using var observer = await LocalObserver.StartAsync(env.Local);
        using var host = await CloudSyncHost.StartAsync(env.Local, env.CloudJson, _dir.File("outbox.db"), Extra(sender));
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        await sender.PublishAsync(CloudSender.Down("store-1", DownKinds.OfferCatalog, "b1", 1, "not json"u8.ToArray()));
        await sender.PublishAsync(CloudSender.Down("store-1", DownKinds.OfferCatalog, "b2", 1, Body(new string('x', 300 * 1024))));
        await sender.PublishAsync(CloudSender.Down("store-1", DownKinds.OfferCatalog, "b3", 1, Body("x"), storeIdProperty: "store-2"));
        await sender.PublishAsync(CloudSender.Down("store-1", DownKinds.Configuration, "b4", 1, Body("x")));
        await sender.PublishAsync(CloudSender.Down("store-1", DownKinds.PrizeBudget, "b5", 1, Body("x"), signWith: otherKey));
        await sender.PublishAsync(CloudSender.Down("store-1", DownKinds.OfferCatalog, "b6", 5, Body("gap")));
        await sender.PublishAsync(CloudSender.Down("store-1", DownKinds.MemberDelta, "m1", 1, Body("ok")));
        await sender.PublishAsync(CloudSender.Down("store-1", DownKinds.MemberDelta, "b7", 1, Body("stale")));
        await sender.PublishAsync(CloudSender.Down("store-1", "weather", "b8", 1, Body("x")));
        await sender.PublishAsync(CloudSender.Down("store-1", DownKinds.OfferCatalog, "bad id", 1, Body("x")));
        await sender.PublishAsync(CloudSender.Down("store-1", DownKinds.MemberDelta, "m2", 2, Body("sentinel")));
        await UpstreamEndToEndTests.WaitUntilAsync(() => observer.Events.Count >= 2, "the two valid member deltas forwarded");

        Assert.Equal(["m1", "m2"], observer.Events.Select(e => e.MessageId));
        var reasons = host.Services.GetRequiredService<InboxStore>().DeadLetters().Select(d => DownValidator.Code(d.Reason)).ToList();
        Assert.Equal(["bad-body", "too-large", "other-store", "unsigned", "bad-signature", "out-of-order", "out-of-order", "unknown-kind", "bad-message-id"], reasons);
        Assert.Equal(9, host.Services.GetRequiredService<DownstreamCounters>().DeadLetters);
        await host.StopAsync();
    }

    [RequiresMosquittoFact]
    public async Task Down_ModelBundleInChunks_AssembledHashCheckedAndHandedToEdgeAgentOnce()
    {
        await using var env = await EnvAsync();
        await using var sender = await CloudSender.StartAsync(_pki, env.CloudPort);
        await using var observer = await LocalObserver.StartAsync(env.Local);
        using var host = await CloudSyncHost.StartAsync(env.Local, env.CloudJson, _dir.File("outbox.db"), Extra(sender));
        var bundle = RandomNumberGenerator.GetBytes(250_000);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bundle));
        var chunks = bundle.Chunk(100_000).ToList();

        var seq = 1L;
        foreach (var i in new[] { 0, 2, 2, 1 })
        {
            // Chunk 2 is delivered twice (same message id): stored once.
            var id = $"bundle-a-{i}";
            await sender.PublishAsync(Chunk(sender, id, i == 2 && seq == 3 ? 2 : seq, "bundle-a", i, chunks.Count, sha, chunks[i]));
            if (!(i == 2 && seq == 3))
            {
                seq++;
            }
        }

        var wrong = RandomNumberGenerator.GetBytes(1000);
        await sender.PublishAsync(Chunk(sender, "bundle-b-0", seq, "bundle-b", 0, 1, sha, wrong));
        await sender.PublishAsync(CloudSender.Down("store-1", DownKinds.OfferCatalog, "sentinel", 1, Body("after")));
        await UpstreamEndToEndTests.WaitUntilAsync(() => observer.Events.Any(e => e.MessageId == "sentinel"), "sentinel forwarded");

        var ready = observer.Events.Where(e => e.Kind == DownKinds.ModelBundle).ToList();
        var handed = Assert.Single(ready);
        var r = handed.Body.Deserialize(CloudJsonContext.Default.ModelBundleReady)!;
        Assert.Equal(("bundle-a", sha, 250_000L), (r.BundleId, r.Sha256, r.Size));
        Assert.Equal(bundle, File.ReadAllBytes(r.Path));
        Assert.Contains(host.Services.GetRequiredService<InboxStore>().DeadLetters(), d => d.Reason.StartsWith("bundle-hash-mismatch", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(r.Path)!, "bundle-b.bundle")));
        await host.StopAsync();
    }

    [RequiresMosquittoFact]
    public async Task Command_PingAndUnknown_AnsweredOnResponseTopicWithCorrelationData()
    {
        await using var env = await EnvAsync();
        await using var sender = await CloudSender.StartAsync(_pki, env.CloudPort);
        using var host = await CloudSyncHost.StartAsync(env.Local, env.CloudJson, _dir.File("outbox.db"), Extra(sender));

        var ping = await sender.Client.RequestAsync(new MqttMessage(CloudTopics.Command("store-1", "ping"), "{}"u8.ToArray()), TimeSpan.FromSeconds(20));
        var unknown = await sender.Client.RequestAsync(new MqttMessage(CloudTopics.Command("store-1", "format-disk"), "{}"u8.ToArray()), TimeSpan.FromSeconds(20));

        var p = JsonSerializer.Deserialize(ping.Payload.Span, CloudJsonContext.Default.CommandResponse)!;
        Assert.Equal(CommandResponse.Ok, p.Status);
        Assert.Equal("hub-1", p.Result!.Value.GetProperty("hubId").GetString());
        Assert.Equal(CommandResponse.Unknown, JsonSerializer.Deserialize(unknown.Payload.Span, CloudJsonContext.Default.CommandResponse)!.Status);
        await host.StopAsync();
    }

    [RequiresMosquittoFact]
    public async Task Down_ResyncReplaysAfterAGap_EachMessageAppliedOnceInSequenceOrder()
    {
        await using var env = await EnvAsync();
        await using var sender = await CloudSender.StartAsync(_pki, env.CloudPort);
        await using var observer = await LocalObserver.StartAsync(env.Local);
        using var host = await CloudSyncHost.StartAsync(env.Local, env.CloudJson, _dir.File("outbox.db"), Extra(sender));
        MqttMessage Delta(long seq) => CloudSender.Down("store-1", DownKinds.MemberDelta, "member-delta:" + seq, seq, Body("d" + seq));

        // The hub missed d2: d3 is refused as a gap (dead letter), the mark stays at 1.
        await sender.PublishAsync(Delta(1));
        await sender.PublishAsync(Delta(3));
        await UpstreamEndToEndTests.WaitUntilAsync(() => host.Services.GetRequiredService<InboxStore>().DeadLetters().Count == 1, "gap refused");

        // The cloud's answer to a resync with mark 1: d2, d3 as first sent; then an overlapping replay from mark 0 (a
        // second resync, or the broker redelivering), and a new d4.
        foreach (var seq in new long[] { 2, 3, 1, 2, 3, 4 })
        {
            await sender.PublishAsync(Delta(seq));
        }

        await UpstreamEndToEndTests.WaitUntilAsync(() => observer.Events.Count >= 4 && host.Services.GetRequiredService<DownstreamCounters>().Duplicates == 3, "d1-d4 applied, 3 duplicates");
        Assert.Equal([1L, 2, 3, 4], observer.Events.Select(e => e.Sequence));
        Assert.Equal(["d1", "d2", "d3", "d4"], observer.Events.Select(e => e.Body.GetProperty("name").GetString()));
        Assert.Equal(4, host.Services.GetRequiredService<InboxStore>().LastSequence(DownKinds.MemberDelta));
        await host.StopAsync();
    }

    private static MqttMessage Chunk(CloudSender sender, string id, long seq, string bundleId, int index, int count, string sha, byte[] data) =>
        CloudSender.Down("store-1", DownKinds.ModelBundle, id, seq, data, signWith: sender.Key, extra:
        [
            new(DownProperties.BundleId, bundleId),
            new(DownProperties.ChunkIndex, index.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(DownProperties.ChunkCount, count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(DownProperties.BundleSha256, sha),
        ]);

    private Dictionary<string, string?> Extra(CloudSender sender) => new()
    {
        ["CloudSync:Downstream:SigningPublicKeyFile"] = sender.WritePublicKey(_dir.File("cloud-signing.pem")),
    };

    private static byte[] Body(string name) => Encoding.UTF8.GetBytes($"{{\"name\":\"{name}\"}}");

    private async Task<Env> EnvAsync()
    {
        var local = await MosquittoBroker.StartAsync();
        var port = FreePort.Next();
        var cloud = await MosquittoBroker.StartAsync(_pki.ListenerConfig(port), listenerOnDefaultPort: false);
        return new Env(local, cloud, port, _pki.WriteCloudJson("store-1", "hub-1", "eu", port));
    }

    private sealed record Env(MosquittoBroker Local, MosquittoBroker Cloud, int CloudPort, string CloudJson) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Cloud.DisposeAsync();
            await Local.DisposeAsync();
        }
    }

    public void Dispose()
    {
        _pki.Dispose();
        _dir.Dispose();
    }
}
