using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Edge.Contracts.Provisioning;
using Edge.Messaging;
using Edge.TestKit;

namespace Edge.ReferenceCloud.Tests;

/// <summary>
/// The reference cloud as a process on a real mosquitto (which stands for both the cloud broker and the store hub's
/// broker), a hub-side client, and an HTTP client on the cloud's API. Ready once the cloud answers a claim.
/// </summary>
internal sealed class CloudUnderTest : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private CloudUnderTest(TempDirectory dir, MosquittoBroker broker, ServiceProcess cloud, IMqttClient hub, HttpClient http)
    {
        Dir = dir;
        Broker = broker;
        Cloud = cloud;
        Hub = hub;
        Http = http;
    }

    public TempDirectory Dir { get; }

    public MosquittoBroker Broker { get; }

    public ServiceProcess Cloud { get; }

    public IMqttClient Hub { get; }

    public HttpClient Http { get; }

    public static async Task<CloudUnderTest> StartAsync(Action<TempDirectory, Dictionary<string, string?>>? configure = null)
    {
        var dir = new TempDirectory("reference-cloud");
        var broker = await MosquittoBroker.StartAsync();
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}") };
        var environment = new Dictionary<string, string?>
        {
            ["EDGE_CONFIG_DIR"] = dir.Sub("etc"),
            ["ReferenceCloud__Url"] = http.BaseAddress.ToString().TrimEnd('/'),
            ["ReferenceCloud__Broker"] = broker.Uri,
            ["ReferenceCloud__DatabasePath"] = dir.File("cloud.db"),
            ["ReferenceCloud__FleetCaDirectory"] = dir.Sub("ca"),
            ["ReferenceCloud__SigningKeyFile"] = dir.File("down.key"),
            ["ReferenceCloud__ModelSigningKeyFile"] = dir.File("model.key"),
            ["ReferenceCloud__PhoneBroker"] = broker.Uri,
            ["ReferenceCloud__ZonesFile"] = dir.File("zones.json"),
        };
        configure?.Invoke(dir, environment);
        var cloud = ServiceProcess.Start(ServiceProcess.BinaryPath("hq/Edge.ReferenceCloud", "reference-cloud.dll"), environment);
        var hub = new MqttClientFactory().Create(new MqttClientOptions { Server = broker.Uri, ClientId = "hub-s042" });
        await hub.ConnectAsync().WaitAsync(Timeout);
        var result = new CloudUnderTest(dir, broker, cloud, hub, http);
        await result.WaitUntilAnsweringAsync();
        return result;
    }

    /// <summary>Makes <paramref name="storeId"/> known to the cloud the way HQ does: by entering a claim code for it.</summary>
    public async Task ExpectStoreAsync(string storeId) =>
        (await Http.PostAsJsonAsync("/api/claims", new { storeId, code = "CODE-" + storeId, validForMinutes = 60 })).EnsureSuccessStatusCode();

    public async Task<MqttMessage> NextAsync() => await Hub.Messages.ReadAsync().AsTask().WaitAsync(Timeout);

    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        await Cloud.DisposeAsync();
        await Broker.DisposeAsync();
        Http.Dispose();
        Dir.Dispose();
    }

    private async Task WaitUntilAnsweringAsync()
    {
        var deadline = DateTimeOffset.UtcNow + Timeout;
        var probe = new MqttMessage(ClaimTopics.Claim, JsonSerializer.SerializeToUtf8Bytes(new ClaimRequest("probe", "probe", "probe", "probe", "probe"), ClaimJsonContext.Default.ClaimRequest));
        while (true)
        {
            try
            {
                await Hub.RequestAsync(probe, TimeSpan.FromSeconds(1));
                return;
            }
            catch (TimeoutException) when (DateTimeOffset.UtcNow < deadline)
            {
            }
        }
    }
}
