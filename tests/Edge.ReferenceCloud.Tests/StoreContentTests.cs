using System.Formats.Tar;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Edge.Contracts.Agent;
using Edge.Contracts.Cloud;
using Edge.Contracts.Models;
using Edge.Messaging;
using Edge.TestKit;

namespace Edge.ReferenceCloud.Tests;

/// <summary>
/// Catalogs, prize budgets and model bundles sent to a store, seen by a hub on a real mosquitto. Bad inputs tried: an
/// unknown store on every route, offers that are not an array, an offer without a title, two offers with one id, a
/// product catalog without products, a product with a negative price, a negative prize budget, a bundle folder that
/// does not exist, one without manifest.json, a manifest whose model sha256 is not the model's, a version with a space.
/// </summary>
public sealed class StoreContentTests
{
    private static readonly string ShippedBundle = Path.Combine(ExternalTools.RepoRoot, "edge-agent", "models", "offers");

    [RequiresMosquittoFact]
    public async Task Catalogs_OffersProductsBudget_SignedInSequencePerKindBadInputRefused()
    {
        await using var c = await CloudUnderTest.StartAsync();
        await c.ExpectStoreAsync("s042");
        await c.Hub.SubscribeAsync([new MqttSubscription(CloudTopics.DownFilter("s042"))]).WaitAsync(CloudUnderTest.Timeout);
        using var key = await DownKeyAsync(c);
        var offers = """[{"offerId":"o-1","title":"20 % coffee","productId":"p-coffee","discountKind":"percent","discountValue":20,"value":5,"validFrom":"2026-11-01T00:00:00Z","validTo":"2026-12-31T00:00:00Z","budget":100,"perDayCap":10,"perMemberCap":1}]""";

        Assert.Equal(1, await SequenceOfAsync(await c.Http.PutAsync("/api/stores/s042/offers", Json(offers))));
        Assert.Equal(1, await SequenceOfAsync(await c.Http.PutAsJsonAsync("/api/stores/s042/products", new ProductCatalogUpdate(true, [new CatalogProduct("p-coffee", "Coffee 500 g", "coffee", 89.9m, OnHand: 4)]))));
        Assert.Equal(2, await SequenceOfAsync(await c.Http.PutAsync("/api/stores/s042/offers", Json("{\"offers\":" + offers + "}"))));
        Assert.Equal(1, await SequenceOfAsync(await c.Http.PutAsJsonAsync("/api/stores/s042/prize-budget", new PrizeBudgetUpdate(25m))));
        var refused = new[]
        {
            await c.Http.PutAsync("/api/stores/s999/offers", Json(offers)),
            await c.Http.PutAsJsonAsync("/api/stores/s999/products", new ProductCatalogUpdate(true, [])),
            await c.Http.PutAsJsonAsync("/api/stores/s999/prize-budget", new PrizeBudgetUpdate(1m)),
            await c.Http.PutAsync("/api/stores/s042/offers", Json("""{"offerId":"o-1"}""")),
            await c.Http.PutAsync("/api/stores/s042/offers", Json("""[{"offerId":"o-2"}]""")),
            await c.Http.PutAsync("/api/stores/s042/offers", Json("""[{"offerId":"o-2","title":"a"},{"offerId":"o-2","title":"b"}]""")),
            await c.Http.PutAsync("/api/stores/s042/products", Json("""{"full":true}""")),
            await c.Http.PutAsJsonAsync("/api/stores/s042/products", new ProductCatalogUpdate(false, [new CatalogProduct("p-x", "X", "tea", -1m)])),
            await c.Http.PutAsJsonAsync("/api/stores/s042/prize-budget", new PrizeBudgetUpdate(-5m)),
        };

        var received = new List<MqttMessage>();
        for (var i = 0; i < 4; i++)
        {
            received.Add(await c.NextAsync());
        }

        Assert.Equal(
            [(DownKinds.OfferCatalog, 1L), (DownKinds.ProductCatalog, 1), (DownKinds.OfferCatalog, 2), (DownKinds.PrizeBudget, 1)],
            received.Select(m => (Kind(m), long.Parse(m.GetUserProperty(DownProperties.Sequence)!, CultureInfo.InvariantCulture))));
        Assert.All(received, m => Assert.True(Verifies(key, "s042", m), m.Topic));
        Assert.Equal("o-1", JsonDocument.Parse(received[0].Payload).RootElement.GetProperty("offers")[0].GetProperty("offerId").GetString());
        Assert.Equal(received[0].PayloadAsString(), received[2].PayloadAsString()); // the array and the wrapped form send the same body
        var products = JsonSerializer.Deserialize(received[1].Payload.Span, AgentEventJsonContext.Default.ProductCatalogUpdate)!;
        Assert.Equal(("p-coffee", 4, true), (products.Products[0].ProductId, products.Products[0].OnHand, products.Full));
        Assert.Equal(25m, JsonSerializer.Deserialize(received[3].Payload.Span, AgentEventJsonContext.Default.PrizeBudgetUpdate)!.Amount);
        Assert.Equal([404, 404, 404, 400, 400, 400, 400, 400, 400], refused.Select(r => (int)r.StatusCode));
        Assert.Contains("appears twice", await refused[5].Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("unknown", await refused[0].Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var counted = await c.Http.GetFromJsonAsync<Dictionary<string, long>>("/api/refusals");
        Assert.Equal((1L, 3L), (counted!["offers 404"], counted["offers 400"]));
    }

    [RequiresMosquittoFact]
    public async Task ModelBundle_ShippedOffersModel_ChunksReassembleAndSignatureVerifiesWithTheModelKey()
    {
        await using var c = await CloudUnderTest.StartAsync((_, env) => env["ReferenceCloud__BundleChunkBytes"] = "4096");
        await c.ExpectStoreAsync("s042");
        await c.Hub.SubscribeAsync([new MqttSubscription(CloudTopics.Down("s042", DownKinds.ModelBundle))]).WaitAsync(CloudUnderTest.Timeout);
        using var downKey = await DownKeyAsync(c);
        using var modelKey = ECDsa.Create();
        modelKey.ImportFromPem(await c.Http.GetStringAsync("/api/model-signing-key"));

        var response = await c.Http.PostAsJsonAsync("/api/stores/s042/model-bundles", new { directory = ShippedBundle, version = "2026.11.23-cloud" });
        response.EnsureSuccessStatusCode();
        var sent = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var count = sent.GetProperty("chunks").GetInt32();
        var chunks = new List<MqttMessage>();
        for (var i = 0; i < count; i++)
        {
            chunks.Add(await c.NextAsync());
        }

        Assert.True(count > 1, $"{count} chunk(s): the bundle should not fit in 4 KiB");
        Assert.Equal(Enumerable.Range(1, count).Select(i => i.ToString(CultureInfo.InvariantCulture)), chunks.Select(m => m.GetUserProperty(DownProperties.Sequence)));
        Assert.Equal(Enumerable.Range(0, count).Select(i => i.ToString(CultureInfo.InvariantCulture)), chunks.Select(m => m.GetUserProperty(DownProperties.ChunkIndex)));
        Assert.All(chunks, m => Assert.True(Verifies(downKey, "s042", m), "chunk signed with the down key"));
        Assert.All(chunks, m => Assert.True(m.Payload.Length <= 4096 && m.Payload.Length <= CloudEnvelopeRules.MaxDownPayloadBytes));
        Assert.Single(chunks.Select(m => (m.GetUserProperty(DownProperties.BundleId), m.GetUserProperty(DownProperties.ChunkCount), m.GetUserProperty(DownProperties.BundleSha256))).Distinct());
        var archive = chunks.SelectMany(m => m.Payload.ToArray()).ToArray();
        Assert.Equal(chunks[0].GetUserProperty(DownProperties.BundleSha256), Convert.ToHexStringLower(SHA256.HashData(archive)));
        Assert.Equal(sent.GetProperty("size").GetInt64(), archive.Length);

        var files = Untar(archive);
        Assert.Equal([ModelBundleFiles.Model, ModelBundleFiles.Manifest, ModelBundleFiles.Signature], files.Keys);
        Assert.Equal(File.ReadAllBytes(Path.Combine(ShippedBundle, ModelBundleFiles.Model)), files[ModelBundleFiles.Model]);
        var manifest = JsonSerializer.Deserialize(files[ModelBundleFiles.Manifest], ModelsJsonContext.Default.ModelManifest)!;
        Assert.Equal("2026.11.23-cloud", manifest.Version);
        Assert.NotEmpty(manifest.Features);
        var signature = Convert.FromBase64String(Encoding.ASCII.GetString(files[ModelBundleFiles.Signature]));
        Assert.True(ModelBundleSignature.Verify(modelKey, files[ModelBundleFiles.Manifest], files[ModelBundleFiles.Model], signature));
        Assert.False(ModelBundleSignature.Verify(downKey, files[ModelBundleFiles.Manifest], files[ModelBundleFiles.Model], signature)); // not the down key
    }

    [RequiresMosquittoFact]
    public async Task ModelBundle_BadFolderOrStore_RefusedWithReason()
    {
        await using var c = await CloudUnderTest.StartAsync();
        await c.ExpectStoreAsync("s042");
        var noManifest = c.Dir.Sub("no-manifest");
        File.Copy(Path.Combine(ShippedBundle, ModelBundleFiles.Model), Path.Combine(noManifest, ModelBundleFiles.Model));
        var otherModel = c.Dir.Sub("other-model");
        File.Copy(Path.Combine(ShippedBundle, ModelBundleFiles.Manifest), Path.Combine(otherModel, ModelBundleFiles.Manifest));
        File.WriteAllBytes(Path.Combine(otherModel, ModelBundleFiles.Model), [1, 2, 3]);

        var unknownStore = await c.Http.PostAsJsonAsync("/api/stores/s999/model-bundles", new { directory = ShippedBundle });
        var missing = await c.Http.PostAsJsonAsync("/api/stores/s042/model-bundles", new { directory = c.Dir.File("nowhere") });
        var withoutManifest = await c.Http.PostAsJsonAsync("/api/stores/s042/model-bundles", new { directory = noManifest });
        var wrongModel = await c.Http.PostAsJsonAsync("/api/stores/s042/model-bundles", new { directory = otherModel });
        var badVersion = await c.Http.PostAsJsonAsync("/api/stores/s042/model-bundles", new { directory = ShippedBundle, version = "v 2" });

        Assert.Equal(HttpStatusCode.NotFound, unknownStore.StatusCode);
        Assert.Equal(
            [(HttpStatusCode.BadRequest, "does not exist"), (HttpStatusCode.BadRequest, "manifest.json is missing"), (HttpStatusCode.BadRequest, "is not model.onnx's sha256"), (HttpStatusCode.BadRequest, "version must be")],
            await Task.WhenAll(new[] { missing, withoutManifest, wrongModel, badVersion }.Select(async r =>
            {
                var text = await r.Content.ReadAsStringAsync();
                var marker = new[] { "does not exist", "manifest.json is missing", "is not model.onnx's sha256", "version must be" }.FirstOrDefault(m => text.Contains(m, StringComparison.Ordinal)) ?? text;
                return (r.StatusCode, marker);
            })));
    }

    internal static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    internal static async Task<ECDsa> DownKeyAsync(CloudUnderTest c)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(await c.Http.GetStringAsync("/api/down-signing-key"));
        return key;
    }

    [RequiresMosquittoFact]
    public async Task PairKiosk_MembersAppConfirmsAQr_SignedDownMessageWithATokenMadeWithTheMembersKey()
    {
        // Bad inputs tried: an unknown store, an unknown member, a kiosk id with a space, an empty nonce, a nonce with a slash.
        await using var c = await CloudUnderTest.StartAsync();
        await c.ExpectStoreAsync("s042");
        var jane = await (await c.Http.PostAsJsonAsync("/api/stores/s042/members", new { memberId = "m-jane", firstName = "Jane", tier = "gold", consent = new { presence = true } })).Content.ReadFromJsonAsync<JsonElement>();
        await c.Hub.SubscribeAsync([new MqttSubscription(CloudTopics.Down("s042", DownKinds.KioskPairing))]).WaitAsync(CloudUnderTest.Timeout);
        using var key = await DownKeyAsync(c);

        Assert.Equal(1, await SequenceOfAsync(await c.Http.PostAsJsonAsync("/api/stores/s042/members/m-jane/pair-kiosk", new { kioskId = "kiosk-1", nonce = "a1b2c3d4e5f6a7b8" })));
        var refused = new[]
        {
            await c.Http.PostAsJsonAsync("/api/stores/s999/members/m-jane/pair-kiosk", new { kioskId = "kiosk-1", nonce = "a1b2" }),
            await c.Http.PostAsJsonAsync("/api/stores/s042/members/m-nobody/pair-kiosk", new { kioskId = "kiosk-1", nonce = "a1b2" }),
            await c.Http.PostAsJsonAsync("/api/stores/s042/members/m-jane/pair-kiosk", new { kioskId = "kiosk 1", nonce = "a1b2" }),
            await c.Http.PostAsJsonAsync("/api/stores/s042/members/m-jane/pair-kiosk", new { kioskId = "kiosk-1", nonce = "" }),
            await c.Http.PostAsJsonAsync("/api/stores/s042/members/m-jane/pair-kiosk", new { kioskId = "kiosk-1", nonce = "a1/b2" }),
        };

        var down = await c.NextAsync();
        Assert.True(Verifies(key, "s042", down));
        var confirmation = JsonSerializer.Deserialize(down.Payload.Span, CloudJsonContext.Default.KioskPairingConfirmation)!;
        Assert.Equal(("kiosk-1", "a1b2c3d4e5f6a7b8"), (confirmation.KioskId, confirmation.Nonce));
        Assert.True(Edge.Contracts.Members.QrPairingToken.TryParse(confirmation.PairingToken, out var member, out var window, out var code));
        Assert.Equal("m-jane", member);
        Assert.True(Edge.Contracts.Members.QrPairingToken.CodeMatches(Convert.FromBase64String(jane.GetProperty("rotatingIdKey").GetString()!), window, code));
        Assert.Equal([404, 404, 400, 400, 400], refused.Select(r => (int)r.StatusCode));
    }

    private static async Task<long> SequenceOfAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("sequence").GetInt64();
    }

    private static string Kind(MqttMessage m) => m.Topic[(m.Topic.LastIndexOf('/') + 1)..];

    private static bool Verifies(ECDsa key, string store, MqttMessage m) =>
        DownProperties.Verify(key, store, Kind(m), m.GetUserProperty(DownProperties.MessageId)!,
            long.Parse(m.GetUserProperty(DownProperties.Sequence)!, CultureInfo.InvariantCulture), m.Payload.Span,
            Convert.FromBase64String(m.GetUserProperty(DownProperties.Signature)!));

    private static Dictionary<string, byte[]> Untar(byte[] archive)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using var reader = new TarReader(new MemoryStream(archive));
        while (reader.GetNextEntry() is { } entry)
        {
            using var data = new MemoryStream();
            entry.DataStream?.CopyTo(data);
            files.Add(entry.Name, data.ToArray());
        }

        return files;
    }
}
