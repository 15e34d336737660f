using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Edge.Agent.Hosting;
using Edge.Messaging;
using Edge.TestKit;

namespace Edge.Agent.Tests.Support;

/// <summary>The real agent app, in-process, on a real broker and a real SQLite file in a temp folder.</summary>
internal sealed class TestAgent : IAsyncDisposable
{
    private TestAgent(WebApplication app, TempDirectory dir, string url)
    {
        App = app;
        Dir = dir;
        Url = url;
        Http = new HttpClient { BaseAddress = new Uri(url) };
    }

    public WebApplication App { get; }

    public TempDirectory Dir { get; }

    public string Url { get; }

    public HttpClient Http { get; }

    /// <param name="services">Registrations made before the agent's own (which only TryAdd their seams), e.g. a scripted game RNG.</param>
    public static async Task<TestAgent> StartAsync(MosquittoBroker broker, TimeProvider? time = null, IReadOnlyDictionary<string, string>? settings = null, TempDirectory? dir = null, Action<IServiceCollection>? services = null)
    {
        dir ??= new TempDirectory("edge-agent-test");
        var url = "http://127.0.0.1:" + FreePort.Next().ToString(CultureInfo.InvariantCulture);
        var values = new Dictionary<string, string>
        {
            ["Edge:Broker:Port"] = broker.Port.ToString(CultureInfo.InvariantCulture),
            ["Edge:Store:HubId"] = "test-hub-" + Guid.NewGuid().ToString("N")[..8],
            ["EdgeAgent:Api:Url"] = url,
            ["EdgeAgent:Storage:DatabasePath"] = dir.File("agent.db"),
            ["EdgeAgent:Members:HubKeyFile"] = dir.File("hub.key"),
            ["EdgeAgent:Members:BeaconKeyFile"] = dir.File("member-keys.emk"),
            ["EdgeAgent:Members:BeaconKeyEncryptionKeyFile"] = dir.File("member-keys.kek"),
            ["EdgeAgent:Members:MinPinIterations"] = "1000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        var args = values.Select(kv => $"--{kv.Key}={kv.Value}").ToArray();
        var app = AgentApp.Build(args, b =>
        {
            if (time is not null)
            {
                b.Services.AddSingleton(time);
            }

            services?.Invoke(b.Services);
        });
        await app.StartAsync();
        await app.Services.GetRequiredService<Edge.Agent.Bus.BusReadiness>().Subscribed.WaitAsync(TimeSpan.FromSeconds(10));
        return new TestAgent(app, dir, url);
    }

    public T Get<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public AgentCounters Counters => Get<AgentCounters>();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Dir.Dispose();
    }
}
