using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Edge.Contracts.Agent;
using Edge.Contracts.Cloud;
using Edge.Messaging;
using Edge.TestKit;

namespace Edge.ReferenceCloud.Tests;

/// <summary>
/// A hub's own up events at the reference cloud (process, real mosquitto): resync requests answered by re-sending the
/// original down messages after the hub's marks, and diagnostic bundles stored and served. Bad inputs tried: a resync
/// naming another store, one whose marks are not numbers, one of the wrong event type, one with an unknown kind, one
/// with a negative mark, the same request twice; a bundle naming another store, one without a valid bundle id, an event
/// of the wrong type, an unknown store's and an unknown bundle's listing.
/// </summary>
public sealed class HubEventsTests
{
    [RequiresMosquittoFact]
    public async Task Resync_AfterTheHubsMarks_ReplaysTheOriginalMessagesInOrderOnceAndRefusesBadRequests()
    {
        await using var c = await CloudUnderTest.StartAsync();
        await c.ExpectStoreAsync("s042");
        await c.Hub.SubscribeAsync([new MqttSubscription(CloudTopics.DownFilter("s042"))]).WaitAsync(CloudUnderTest.Timeout);
        var offers = StoreContentTests.Json("""[{"offerId":"o-1","title":"20 % coffee"}]""");
        (await c.Http.PutAsync("/api/stores/s042/offers", offers)).EnsureSuccessStatusCode();
        (await c.Http.PutAsJsonAsync("/api/stores/s042/products", new ProductCatalogUpdate(true, [new CatalogProduct("p-coffee", "Coffee 500 g", "coffee", 89.9m, OnHand: 4)]))).EnsureSuccessStatusCode();
        (await c.Http.PutAsync("/api/stores/s042/offers", StoreContentTests.Json("""[{"offerId":"o-2","title":"tea"}]"""))).EnsureSuccessStatusCode();
        (await c.Http.PutAsJsonAsync("/api/stores/s042/prize-budget", new PrizeBudgetUpdate(25m))).EnsureSuccessStatusCode();
        var originals = new List<MqttMessage>();
        for (var i = 0; i < 4; i++)
        {
            originals.Add(await c.NextAsync());
        }

        // The hub has offer-catalog 1 and product-catalog 1, and never saw a prize budget.
        var request = Resync("r1", "s042", new() { [DownKinds.OfferCatalog] = 1, [DownKinds.ProductCatalog] = 1 });
        await UpAsync(c, "s042", HubStreams.Resync, 1, request);
        var replayed = new[] { await c.NextAsync(), await c.NextAsync() };
        Assert.Equal([Key(originals[2]), Key(originals[3])], replayed.Select(Key)); // offer-catalog 2, prize-budget 1, in order
        Assert.All(replayed, r => Assert.True(SameBytes(originals.Single(o => Key(o) == Key(r)), r), "re-sent as first sent (payload, id, sequence, issue time, signature)"));

        // The same request again (broker redelivery, hub re-send) is not served twice; bad requests are refused.
        await UpAsync(c, "s042", HubStreams.Resync, 1, request);
        await UpAsync(c, "s042", HubStreams.Resync, 2, Resync("r2", "s043", []));
        await UpAsync(c, "s042", HubStreams.Resync, 3, Event("r3", HubStreams.ResyncRequestedType, """{"requestId":"r3","storeId":"s042","requestedAt":"2026-11-23T10:00:00Z","marks":{"offer-catalog":"many"}}"""));
        await UpAsync(c, "s042", HubStreams.Resync, 4, Event("r4", "hub.reboot-requested", """{"requestId":"r4","storeId":"s042","requestedAt":"2026-11-23T10:00:00Z","marks":{}}"""));
        await UpAsync(c, "s042", HubStreams.Resync, 5, Resync("r5", "s042", new() { ["weather"] = 0 }));
        await UpAsync(c, "s042", HubStreams.Resync, 6, Resync("r6", "s042", new() { [DownKinds.MemberDelta] = -1 }));
        var expected = new Dictionary<string, long>
        {
            ["resync.served"] = 1,
            ["resync.replayed"] = 2,
            ["resync.refused.other-store"] = 1,
            ["resync.refused.not-a-resync-request"] = 1,
            ["resync.refused.wrong-type"] = 1,
            ["resync.refused.unknown-kind"] = 1,
            ["resync.refused.bad-mark"] = 1,
        };
        await WaitForCountsAsync(c, expected);

        // Nothing else was re-sent: the next message is the next new one.
        (await c.Http.PutAsync("/api/stores/s042/offers", offers)).EnsureSuccessStatusCode();
        Assert.Equal((DownKinds.OfferCatalog, "3"), Key(await c.NextAsync()));
        Assert.Contains("other-store: the request names store 's043' but came from store 's042'", c.Cloud.Output, StringComparison.Ordinal);
    }

    [RequiresMosquittoFact]
    public async Task Diagnostics_BundlesFromAHub_ListedNewestFirstServedByIdAndBadOnesNotServed()
    {
        await using var c = await CloudUnderTest.StartAsync();
        await c.ExpectStoreAsync("s042");
        await UpAsync(c, "s042", HubStreams.Diagnostics, 1, Bundle("diag-1", "s042", "2026-11-23T10:00:00Z"));
        await UpAsync(c, "s042", HubStreams.Diagnostics, 2, Bundle("diag-2", "s042", "2026-11-23T11:00:00Z"));
        await UpAsync(c, "s042", HubStreams.Diagnostics, 3, Bundle("diag-3", "s043", "2026-11-23T12:00:00Z"));
        await UpAsync(c, "s042", HubStreams.Diagnostics, 4, Bundle("bad id", "s042", "2026-11-23T12:00:00Z"));
        await UpAsync(c, "s042", HubStreams.Diagnostics, 5, Event("diagnostics:x", HubStreams.ResyncRequestedType, """{"bundleId":"diag-5","storeId":"s042"}"""));
        await WaitForCountsAsync(c, new Dictionary<string, long>
        {
            ["diagnostics.stored"] = 2,
            ["diagnostics.refused.other-store"] = 1,
            ["diagnostics.refused.bad-bundle-id"] = 1,
            ["diagnostics.refused.wrong-type"] = 1,
        });

        var listing = await c.Http.GetFromJsonAsync<JsonElement>("/api/stores/s042/diagnostics");
        Assert.Equal("diag-2", listing.GetProperty("latest").GetProperty("bundleId").GetString());
        Assert.Equal(["diag-2", "diag-1"], listing.GetProperty("bundles").EnumerateArray().Select(b => b.GetProperty("bundleId").GetString()));
        Assert.Equal(DateTimeOffset.Parse("2026-11-23T11:00:00Z", System.Globalization.CultureInfo.InvariantCulture), listing.GetProperty("latest").GetProperty("generatedAt").GetDateTimeOffset());
        var latest = await c.Http.GetFromJsonAsync<JsonElement>("/api/stores/s042/diagnostics/latest");
        Assert.Equal(("diag-2", 3), (latest.GetProperty("bundleId").GetString(), latest.GetProperty("outboxDepth").GetInt32()));
        Assert.Equal("diag-1", (await c.Http.GetFromJsonAsync<JsonElement>("/api/stores/s042/diagnostics/diag-1")).GetProperty("bundleId").GetString());
        Assert.Equal(
            [HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound],
            [
                (await c.Http.GetAsync("/api/stores/s042/diagnostics/diag-3")).StatusCode,
                (await c.Http.GetAsync("/api/stores/s999/diagnostics")).StatusCode,
                (await c.Http.GetAsync("/api/stores/s999/diagnostics/latest")).StatusCode,
            ]);
    }

    private static (string Kind, string? Sequence) Key(MqttMessage m) => (m.Topic[(m.Topic.LastIndexOf('/') + 1)..], m.GetUserProperty(DownProperties.Sequence));

    private static bool SameBytes(MqttMessage a, MqttMessage b) =>
        a.Topic == b.Topic && a.Payload.Span.SequenceEqual(b.Payload.Span)
        && a.UserProperties.Select(p => (p.Name, p.Value)).SequenceEqual(b.UserProperties.Select(p => (p.Name, p.Value)));

    private static JsonElement Resync(string id, string store, Dictionary<string, long> marks) =>
        Event(id, HubStreams.ResyncRequestedType, JsonSerializer.Serialize(new ResyncRequest(id, store, DateTimeOffset.UnixEpoch, marks), CloudJsonContext.Default.ResyncRequest));

    private static JsonElement Bundle(string id, string store, string generatedAt) =>
        Event("diagnostics:" + id.Replace(' ', '-'), HubStreams.DiagnosticBundleType, $$"""{"bundleId":"{{id}}","storeId":"{{store}}","generatedAt":"{{generatedAt}}","outboxDepth":3}""");

    private static JsonElement Event(string id, string type, string body) =>
        JsonSerializer.SerializeToElement(new OutboxEvent(id, type, DateTimeOffset.UnixEpoch, JsonDocument.Parse(body).RootElement), CloudJsonContext.Default.OutboxEvent);

    /// <summary>One up batch as cloud-sync sends it, on retail/v1/{store}/up/{stream}.</summary>
    private static Task UpAsync(CloudUnderTest c, string store, string stream, long sequence, JsonElement e)
    {
        var id = e.GetProperty("messageId").GetString()!;
        var batch = new UpBatch(store, "hub-1", stream, DateTimeOffset.UnixEpoch, [new UpMessage(id, sequence, DateTimeOffset.UnixEpoch, null, e)]);
        return c.Hub.PublishAsync(new MqttMessage(CloudTopics.Up(store, stream), JsonSerializer.SerializeToUtf8Bytes(batch, CloudJsonContext.Default.UpBatch)) { Qos = MqttQualityOfService.AtLeastOnce });
    }

    private static async Task WaitForCountsAsync(CloudUnderTest c, Dictionary<string, long> expected)
    {
        var deadline = DateTimeOffset.UtcNow + CloudUnderTest.Timeout;
        while (true)
        {
            var counts = await c.Http.GetFromJsonAsync<Dictionary<string, long>>("/api/hub-events");
            if (expected.All(e => counts!.GetValueOrDefault(e.Key) == e.Value) && counts!.Count == expected.Count)
            {
                return;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                Assert.Equal(expected.OrderBy(e => e.Key), counts!.OrderBy(e => e.Key));
            }

            await Task.Delay(50); // polling the cloud's counters with a deadline
        }
    }
}
