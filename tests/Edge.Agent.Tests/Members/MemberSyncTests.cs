using System.Buffers.Binary;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Edge.Agent.Members;
using Edge.Agent.Storage;
using Edge.Agent.Tests.Support;
using Edge.Contracts.Agent;
using Edge.Contracts.Presence;
using Edge.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Edge.Agent.Tests.Members;

public sealed class MemberSyncTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);

    [RequiresMosquittoFact]
    public async Task MemberDeltas_OutOfOrderAndRepeated_AppliedInSequenceOnce()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var agent = await TestAgent.StartAsync(broker);
        await using var bus = await BusProbe.ConnectAsync(broker);
        var store = agent.Get<MemberStore>();

        await bus.PublishDeltaAsync(Support.Members.Upsert(2, "m-1", firstName: "Second"));
        await Eventually.TrueAsync(() => agent.Counters.Get("members.delta_held") == 1, "delta 2 held back");
        Assert.Null(store.Find("m-1"));

        await bus.PublishDeltaAsync(Support.Members.Upsert(1, "m-1", firstName: "First"));
        await bus.PublishDeltaAsync(Support.Members.Upsert(1, "m-1", firstName: "Replayed"));
        await Eventually.TrueAsync(() => store.LastSequence() == 2 && agent.Counters.Get("members.delta_duplicate") == 1, "1 and 2 applied, replay ignored");

        var member = store.Find("m-1");
        Assert.NotNull(member);
        Assert.Equal("Second", member.FirstName);
        Assert.Equal(Support.Members.KeyOf("m-1"), store.MemberKey("m-1"));
        // At rest the key is AES-GCM ciphertext, not the key.
        var cipher = agent.Get<Edge.Agent.Storage.AgentDatabase>().Read(c => (byte[])c.Scalar("SELECT key_cipher FROM members WHERE member_id = 'm-1';")!);
        Assert.Equal(44, cipher.Length);
        Assert.False(cipher.AsSpan().IndexOf(Support.Members.KeyOf("m-1")) >= 0);
    }

    [RequiresMosquittoFact]
    public async Task KeysChanged_PublishNotOnTheBus_RevocationKeptAndPublishedOnRetry()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var clock = new FakeTimeProvider();
        RefusingPublishClient? client = null;
        await using var agent = await TestAgent.StartAsync(broker, clock, services: s => s.AddSingleton(
            RefusingPublishClient.Factory(new Edge.Messaging.MqttClientFactory(clock), AgentTopics.MemberKeys, refusals: 2, c => client = c)));
        await using var bus = await BusProbe.ConnectAsync(broker, AgentTopics.MemberKeys);

        // The table at start is refused (the native edge-agent published it before its connection was up), and so is
        // the update naming a revocation: before the fix that revocation never reached beacon-gateway.
        await Eventually.TrueAsync(() => client!.Refused == 1, "the start-up table refused");
        agent.Get<MemberKeyPublisher>().KeysChanged("m-gone");
        MemberKeysUpdate? update = null;
        for (var i = 0; i < 20 && update is null; i++)
        {
            clock.Advance(MemberKeyPublisher.RetryDelay);
            try
            {
                update = Update(await bus.NextAsync(AgentTopics.MemberKeys, TimeSpan.FromMilliseconds(500), m => Update(m).Revoked.Contains("m-gone")));
            }
            catch (TimeoutException)
            {
            }
        }

        Assert.Equal(2, client!.Refused);
        Assert.NotNull(update);
    }

    [RequiresMosquittoFact]
    public async Task Revoke_MemberWithKeyAndPresence_ErasesBothAndTellsBeaconGatewayWithinOneSecond()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var agent = await TestAgent.StartAsync(broker);
        await using var bus = await BusProbe.ConnectAsync(broker, AgentTopics.MemberKeys);
        var store = agent.Get<MemberStore>();

        await bus.PublishDeltaAsync(Support.Members.Upsert(1, "m-keep"));
        await bus.PublishDeltaAsync(Support.Members.Upsert(2, "m-gone"));
        await Eventually.TrueAsync(() => store.LastSequence() == 2, "upserts applied");
        await bus.PublishAsync(PresenceTopics.Members + "/entered",
            new MemberEntered("p-1", "m-gone", "dairy", 0.9, DateTimeOffset.UtcNow, 2.0), PresenceJsonContext.Default.PresenceEvent);
        await Eventually.TrueAsync(() => store.PresenceRows("m-gone") == 1, "presence stored");
        await bus.NextAsync(AgentTopics.MemberKeys, s_wait, m => Update(m).MemberCount == 2);

        var clock = Stopwatch.StartNew();
        await bus.PublishDeltaAsync(Support.Members.Revoke(3, "m-gone"));
        var update = Update(await bus.NextAsync(AgentTopics.MemberKeys, s_wait, m => Update(m).Revoked.Contains("m-gone")));
        var elapsed = clock.Elapsed;

        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"revocation reached the bus after {elapsed.TotalMilliseconds:F0} ms");
        Assert.Null(store.Find("m-gone"));
        Assert.Null(store.MemberKey("m-gone"));
        Assert.Equal(0, store.PresenceRows("m-gone"));
        Assert.True(store.IsRevoked("m-gone"));
        Assert.Equal(1, update.MemberCount);
        var table = ReadKeyTable(update.KeyFile, File.ReadAllBytes(agent.Dir.File("member-keys.kek")));
        Assert.Equal(["m-keep"], table.Keys);
        Assert.Equal(Support.Members.KeyOf("m-keep"), table["m-keep"]);
    }

    [RequiresMosquittoFact]
    public async Task MemberDeltas_BadInput_CountedSkippedAndLaterDeltasStillApplied()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var agent = await TestAgent.StartAsync(broker);
        await using var bus = await BusProbe.ConnectAsync(broker);
        var store = agent.Get<MemberStore>();

        await bus.PublishRawAsync(BusProbe.MemberDeltaTopic, "{not json");
        await bus.PublishRawAsync(BusProbe.MemberDeltaTopic, """{"memberId":"x","kind":"Upsert"}""");
        await bus.PublishDeltaAsync(Support.Members.Upsert(1, "m-badkey") with { RotatingIdKey = Convert.ToBase64String(new byte[5]) });
        await bus.PublishDeltaAsync(Support.Members.Upsert(2, "m-weakpin") with { PinHash = "pbkdf2-sha256$10$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA==" });
        await bus.PublishDeltaAsync(Support.Members.Upsert(3, "m-good"));

        await Eventually.TrueAsync(() => store.LastSequence() == 3, "sequence advanced past the bad deltas");
        Assert.Equal(2, agent.Counters.Get("members.delta_malformed"));
        Assert.Equal(2, agent.Counters.Get("members.delta_invalid"));
        Assert.Null(store.Find("m-badkey"));
        Assert.Null(store.Find("m-weakpin"));
        Assert.NotNull(store.Find("m-good"));
    }

    [RequiresMosquittoFact]
    public async Task Presence_UnknownMemberOrMalformed_CountedNotStored()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var agent = await TestAgent.StartAsync(broker);
        await using var bus = await BusProbe.ConnectAsync(broker);

        await bus.PublishAsync(PresenceTopics.Members + "/entered",
            new MemberEntered("p-x", "nobody", "dairy", 0.9, DateTimeOffset.UtcNow, 2.0), PresenceJsonContext.Default.PresenceEvent);
        await bus.PublishRawAsync(PresenceTopics.Members + "/entered", """{"type":"teleported"}""");

        await Eventually.TrueAsync(() => agent.Counters.Get("presence.unknown_member") == 1 && agent.Counters.Get("presence.malformed") == 1, "both refused");
        Assert.Equal(0, agent.Get<MemberStore>().PresenceRows("nobody"));
    }

    private static MemberKeysUpdate Update(Edge.Messaging.MqttMessage message) =>
        JsonSerializer.Deserialize(message.Payload.Span, AgentBusJsonContext.Default.MemberKeysUpdate)!;

    /// <summary>An independent EMK1 reader written from beacon-gateway's format description.</summary>
    private static SortedDictionary<string, byte[]> ReadKeyTable(string path, byte[] kek)
    {
        var file = File.ReadAllBytes(path);
        Assert.Equal("EMK1"u8.ToArray(), file[..4]);
        var plain = new byte[file.Length - 32];
        using (var gcm = new AesGcm(kek, 16))
        {
            gcm.Decrypt(file.AsSpan(4, 12), file.AsSpan(32), file.AsSpan(16, 16), plain, "EMK1"u8);
        }

        var count = BinaryPrimitives.ReadUInt32BigEndian(plain);
        var result = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var at = 4;
        for (var i = 0; i < count; i++)
        {
            var length = plain[at];
            var id = Encoding.UTF8.GetString(plain, at + 1, length);
            result[id] = plain[(at + 1 + length)..(at + 1 + length + 16)];
            at += 1 + length + 16;
        }

        return result;
    }
}
