using System.Net.Http.Json;
using System.Text.Json;
using Edge.BeaconGateway.Members;
using Edge.BeaconGateway.Resolution;
using Edge.Contracts.Agent;
using Edge.Contracts.Zones;
using Edge.Messaging;
using Edge.ReferenceCloud.Downstream;
using Edge.ReferenceCloud.Hosting;
using Edge.ReferenceCloud.Members;
using Edge.ReferenceCloud.Phone;
using Edge.ReferenceCloud.Storage;
using Edge.TestKit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Edge.ReferenceCloud.Tests;

/// <summary>
/// The phone player: a member's adverts, relayed as raw reports on a real mosquitto, resolve to that member through
/// beacon-gateway's real frame reader and rotating-ID resolver, across a window change on a fake clock. Bad inputs
/// tried (through the process's API): an unknown store, an unknown member, a revoked member, an unknown zone, a walk
/// of 0 seconds, a walk without a zones file.
/// </summary>
public sealed class PhonePlayerTests
{
    private static readonly StoreZones Zones = new(StoreZones.CurrentVersion, "s042",
    [
        new Zone("entrance", "Entrance", [new ZoneReceiver("rx-door", ReceiverKind.Espresense, new ZonePosition(0, 0), -59), new ZoneReceiver("beacon-door", ReceiverKind.Beacon, new ZonePosition(1, 0), -59)]),
        new Zone("coffee", "Coffee", [new ZoneReceiver("rx-coffee-1", ReceiverKind.Espresense, new ZonePosition(5, 5), -59), new ZoneReceiver("rx-coffee-2", ReceiverKind.Hub, new ZonePosition(6, 5), -59)]),
    ]);

    [RequiresMosquittoFact]
    public async Task StartWalkAsync_AcrossAWindowChange_EveryRelayedAdvertResolvesToTheMember()
    {
        // Two adverts 2 s apart, starting 1 s before a 10-minute boundary: the rotating ID changes mid-walk.
        var boundary = RotatingId.WindowStart(RotatingId.WindowIndex(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero), RotatingId.DefaultWindow) + 1, RotatingId.DefaultWindow);
        var clock = new FakeTimeProvider(boundary - TimeSpan.FromSeconds(1));
        using var dir = new TempDirectory("phone-player");
        File.WriteAllBytes(dir.File("zones.json"), JsonSerializer.SerializeToUtf8Bytes(Zones, ZonesJsonContext.Default.StoreZones));
        await using var broker = await MosquittoBroker.StartAsync();
        var factory = new MqttClientFactory(clock);
        await using var cloudClient = factory.Create(new MqttClientOptions { Server = broker.Uri, ClientId = "cloud" });
        await using var phoneClient = factory.Create(new MqttClientOptions { Server = broker.Uri, ClientId = "phones" });
        await using var gateway = factory.Create(new MqttClientOptions { Server = broker.Uri, ClientId = "gateway" });
        await cloudClient.ConnectAsync().WaitAsync(CloudUnderTest.Timeout);
        await gateway.ConnectAsync().WaitAsync(CloudUnderTest.Timeout);
        await gateway.SubscribeAsync([new MqttSubscription("store/ble/raw/+")]).WaitAsync(CloudUnderTest.Timeout);
        using var database = new CloudDatabase(dir.File("cloud.db"));
        using var downKey = DownSigningKey.LoadOrCreate(dir.File("down.key"));
        var members = new MemberRegistry(database, new DownPublisher(cloudClient, database, downKey, clock, NullLogger<DownPublisher>.Instance));
        var jane = await members.EnrolAsync("s042", new EnrolMemberRequest("m-jane", "Jane", "gold", new MemberConsent(true, true, true, false), null, null, null), CancellationToken.None);
        await members.EnrolAsync("s042", new EnrolMemberRequest("m-john", "John", "silver", new MemberConsent(true, true, true, false), null, null, null), CancellationToken.None);
        var options = Options.Create(new ReferenceCloudOptions { ZonesFile = dir.File("zones.json"), PhoneAdvertInterval = TimeSpan.FromSeconds(2), PhoneRssi = -52 });
        await using var player = new PhonePlayer(phoneClient, members, clock, options, NullLogger<PhonePlayer>.Instance);
        using var resolver = new RotatingIdResolver(clock, RotatingId.DefaultWindow);
        resolver.UpdateKeys([new MemberKey("m-jane", Convert.FromBase64String(jane.RotatingIdKey)), new MemberKey("m-john", members.KeyOf("s042", "m-john")!)]);

        var walk = await player.StartWalkAsync("s042", "m-jane", new WalkRequest("coffee", 5), CancellationToken.None);
        var adverts = new List<(string Topic, JsonElement Report, DateTimeOffset At)>();
        for (var i = 0; i < walk.Adverts; i++)
        {
            if (i > 0)
            {
                await clock.WaitForActiveTimersAsync(1, CloudUnderTest.Timeout);
                clock.Advance(TimeSpan.FromSeconds(2));
            }

            for (var r = 0; r < walk.Receivers.Count; r++)
            {
                var m = await gateway.Messages.ReadAsync().AsTask().WaitAsync(CloudUnderTest.Timeout);
                adverts.Add((m.Topic, JsonDocument.Parse(m.Payload).RootElement.Clone(), clock.GetUtcNow()));
            }
        }

        Assert.Equal(2, walk.Adverts); // 5 s at 2 s: two adverts
        Assert.Equal(["rx-coffee-1", "rx-coffee-2"], walk.Receivers); // the zone's beacons relay nothing
        Assert.Equal(["store/ble/raw/rx-coffee-1", "store/ble/raw/rx-coffee-2", "store/ble/raw/rx-coffee-1", "store/ble/raw/rx-coffee-2"], adverts.Select(a => a.Topic));
        var ids = new List<ulong>();
        foreach (var (_, report, at) in adverts)
        {
            Assert.Equal((-52, 1), (report.GetProperty("rssi").GetInt32(), report.GetProperty("addrType").GetInt32()));
            var data = Convert.FromHexString(report.GetProperty("data").GetString()!);
            Assert.True(MemberFrame.TryRead(data.AsSpan(5), out var id, out var txPower, out var badLayout), "a member frame after the flags");
            Assert.Equal((-59, false), ((int)txPower, badLayout));
            Assert.True(resolver.TryResolve(id, out string memberId, out _), $"id {id:x16} at {at:O}");
            Assert.Equal("m-jane", memberId);
            ids.Add(id);
        }

        Assert.Equal(2, ids.Distinct().Count()); // one ID before the boundary, another after it
        Assert.Single(adverts.Select(a => a.Report.GetProperty("mac").GetString()).Distinct());
    }

    [RequiresMosquittoFact]
    public async Task WalkApi_BadStoreMemberZoneOrLength_RefusedWithReasonGoodWalkRelayed()
    {
        await using var c = await CloudUnderTest.StartAsync();
        await c.ExpectStoreAsync("s042");
        var jane = await (await c.Http.PostAsJsonAsync("/api/stores/s042/members", new { memberId = "m-jane", firstName = "Jane", tier = "gold", consent = new { presence = true } })).Content.ReadFromJsonAsync<JsonElement>();
        (await c.Http.PostAsJsonAsync("/api/stores/s042/members", new { memberId = "m-gone", firstName = "Gone", tier = "gold", consent = new { presence = true } })).EnsureSuccessStatusCode();
        (await c.Http.DeleteAsync("/api/stores/s042/members/m-gone")).EnsureSuccessStatusCode();
        var noZonesFile = await WalkAsync(c, "s042", "m-jane", "coffee", 3);
        File.WriteAllBytes(c.Dir.File("zones.json"), JsonSerializer.SerializeToUtf8Bytes(Zones, ZonesJsonContext.Default.StoreZones));
        await c.Hub.SubscribeAsync([new MqttSubscription("store/ble/raw/+")]).WaitAsync(CloudUnderTest.Timeout);

        var refused = new[]
        {
            noZonesFile,
            await WalkAsync(c, "s999", "m-jane", "coffee", 3),
            await WalkAsync(c, "s042", "m-nobody", "coffee", 3),
            await WalkAsync(c, "s042", "m-gone", "coffee", 3),
            await WalkAsync(c, "s042", "m-jane", "bakery", 3),
            await WalkAsync(c, "s042", "m-jane", "coffee", 0),
        };
        var started = await WalkAsync(c, "s042", "m-jane", "entrance", 1);
        var relayed = await c.NextAsync();

        Assert.Equal(
            [(400, "ReferenceCloud:ZonesFile"), (404, "store 's999' is unknown"), (404, "'m-nobody'"), (404, "'m-gone'"), (400, "zones: entrance, coffee"), (400, "seconds must be")],
            refused.Select(r => (r.Status, Marker(r.Body, "ReferenceCloud:ZonesFile", "store 's999' is unknown", "'m-nobody'", "'m-gone'", "zones: entrance, coffee", "seconds must be"))));
        Assert.Equal(202, started.Status);
        Assert.Equal("store/ble/raw/rx-door", relayed.Topic);
        var data = Convert.FromHexString(JsonDocument.Parse(relayed.Payload).RootElement.GetProperty("data").GetString()!);
        Assert.True(MemberFrame.TryRead(data.AsSpan(5), out var id, out _, out _));
        using var resolver = new RotatingIdResolver(TimeProvider.System, RotatingId.DefaultWindow);
        resolver.UpdateKeys([new MemberKey("m-jane", Convert.FromBase64String(jane.GetProperty("rotatingIdKey").GetString()!))]);
        Assert.True(resolver.TryResolve(id, out string memberId, out _));
        Assert.Equal("m-jane", memberId);
        var counted = await c.Http.GetFromJsonAsync<Dictionary<string, long>>("/api/refusals");
        Assert.Equal((3L, 3L), (counted!["walk 400"], counted["walk 404"]));
    }

    private static async Task<(int Status, string Body)> WalkAsync(CloudUnderTest c, string store, string member, string zone, int seconds)
    {
        using var response = await c.Http.PostAsJsonAsync($"/api/stores/{store}/members/{member}/walk", new { zone, seconds });
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Marker(string body, params string[] markers) => markers.FirstOrDefault(m => body.Contains(m, StringComparison.Ordinal)) ?? body;
}
