using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Edge.CloudSync.Tests.Fixtures;
using Edge.CloudSync.Tests.Upstream;
using Edge.Contracts.Cloud;
using Edge.TestKit;

namespace Edge.CloudSync.Tests.Fleet;

/// <summary>
/// The two commands end to end: HQ's NCMD -> cloud-sync -> outbox -> the reference cloud (its real binary, on the
/// cloud broker over mutual TLS) -> down messages re-sent -> inbox -> the local bus; and a diagnostic bundle served by
/// the reference cloud's API.
/// </summary>
public sealed class ResyncWithReferenceCloudTests : IDisposable
{
    private readonly TempDirectory _dir = new("cloud-sync-resync");
    private readonly CloudPki _pki = new();

    [RequiresMosquittoFact]
    public async Task Resync_MessagesSentBeforeTheHubHadASession_ArriveOnceInOrderAndTheBundleIsServed()
    {
        await using var local = await MosquittoBroker.StartAsync();
        var port = FreePort.Next();
        await using var cloudBroker = await MosquittoBroker.StartAsync(_pki.ListenerConfig(port), listenerOnDefaultPort: false);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}") };
        await using var cloud = ServiceProcess.Start(ServiceProcess.BinaryPath("hq/Edge.ReferenceCloud", "reference-cloud.dll"), new Dictionary<string, string?>
        {
            ["EDGE_CONFIG_DIR"] = _dir.Sub("cloud-etc"),
            ["ReferenceCloud__Url"] = http.BaseAddress.ToString().TrimEnd('/'),
            ["ReferenceCloud__Broker"] = $"mqtts://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            ["ReferenceCloud__BrokerCaFile"] = _pki.CaFile,
            ["ReferenceCloud__BrokerCertificateFile"] = _pki.ConsumerCertificateFile,
            ["ReferenceCloud__BrokerKeyFile"] = _pki.ConsumerKeyFile,
            ["ReferenceCloud__DatabasePath"] = _dir.File("cloud.db"),
            ["ReferenceCloud__FleetCaDirectory"] = _dir.Sub("ca"),
            ["ReferenceCloud__SigningKeyFile"] = _dir.File("down.key"),
            ["ReferenceCloud__ModelSigningKeyFile"] = _dir.File("model.key"),
        });
        await UntilHealthyAsync(http, cloud);
        (await http.PostAsJsonAsync("/api/claims", new { storeId = "store-1", code = "CODE-1", validForMinutes = 60 })).EnsureSuccessStatusCode();
        File.WriteAllText(_dir.File("cloud-signing.pem"), await http.GetStringAsync("/api/down-signing-key"));

        // Sent before the hub ever connected: no session kept them, the hub has nothing.
        await PutOffersAsync(http, "o-1");
        await PutOffersAsync(http, "o-2");
        (await http.PutAsync("/api/stores/store-1/prize-budget", Json("""{"amount":25}"""))).EnsureSuccessStatusCode();

        await using var spHost = await SparkplugHost.StartAsync(_pki, port);
        await using var observer = await LocalObserver.StartAsync(local);
        var extra = new Dictionary<string, string?> { ["CloudSync:Downstream:SigningPublicKeyFile"] = _dir.File("cloud-signing.pem") };
        using var host = await CloudSyncHost.StartAsync(local, _pki.WriteCloudJson("store-1", "hub-1", "eu", port), _dir.File("outbox.db"), extra);
        await spHost.WaitForAsync(m => m.Topic == "spBv1.0/eu/NBIRTH/store-1", what: "NBIRTH");
        Assert.Empty(observer.Events);

        await spHost.CommandAsync("spBv1.0/eu/NCMD/store-1", "Node Control/Resync");
        await UpstreamEndToEndTests.WaitUntilAsync(() => observer.Events.Count >= 3, "3 down messages after the resync");
        Assert.Equal(
            [(DownKinds.OfferCatalog, 1L), (DownKinds.OfferCatalog, 2), (DownKinds.PrizeBudget, 1)],
            observer.Events.Select(e => (e.Kind, e.Sequence)));
        Assert.Equal("o-2", observer.Events[1].Body.GetProperty("offers")[0].GetProperty("offerId").GetString());

        // A second resync re-sends nothing the hub has; the next new message is the only one after it.
        await spHost.CommandAsync("spBv1.0/eu/NCMD/store-1", "Node Control/Resync");
        await UpstreamEndToEndTests.WaitUntilAsync(() => Counts(http).GetValueOrDefault("resync.served") == 2, "second resync served");
        await PutOffersAsync(http, "o-3");
        await UpstreamEndToEndTests.WaitUntilAsync(() => observer.Events.Count >= 4, "o-3 forwarded");
        Assert.Equal([1L, 2, 1, 3], observer.Events.Select(e => e.Sequence));
        Assert.Equal(3, Counts(http)["resync.replayed"]);

        // The diagnostic bundle reaches HQ through the cloud's API.
        await spHost.CommandAsync("spBv1.0/eu/NCMD/store-1", "Node Control/Diagnostic Bundle");
        await UpstreamEndToEndTests.WaitUntilAsync(() => Counts(http).GetValueOrDefault("diagnostics.stored") == 1, "bundle stored");
        var bundle = await http.GetFromJsonAsync<JsonElement>("/api/stores/store-1/diagnostics/latest");
        Assert.Equal(("store-1", 3L), (bundle.GetProperty("storeId").GetString(), bundle.GetProperty("inboxMarks").GetProperty(DownKinds.OfferCatalog).GetInt64()));
        await host.StopAsync();
    }

    private static async Task PutOffersAsync(HttpClient http, string offerId) =>
        (await http.PutAsync("/api/stores/store-1/offers", Json($$"""[{"offerId":"{{offerId}}","title":"t"}]"""))).EnsureSuccessStatusCode();

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static Dictionary<string, long> Counts(HttpClient http) =>
        http.GetFromJsonAsync<Dictionary<string, long>>("/api/hub-events").GetAwaiter().GetResult()!;

    private static async Task UntilHealthyAsync(HttpClient http, ServiceProcess cloud)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(60);
        while (true)
        {
            try
            {
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException("the reference cloud did not become healthy within 60 s:\n" + cloud.Output);
            }

            await Task.Delay(100); // polling the cloud's health with a deadline
        }
    }

    public void Dispose()
    {
        _pki.Dispose();
        _dir.Dispose();
    }
}
