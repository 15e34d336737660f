using System.Globalization;
using Edge.Hosting;
using Edge.Hosting.Health;
using Edge.Kiosk.Hosting;
using Edge.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Edge.Kiosk.Tests.Harness;

/// <summary>
/// kiosk-ui built exactly as Program.cs builds it (AddEdgeHostDefaults + AddKioskUi + MapKioskUi), in-process on free
/// loopback ports, with a <see cref="FakeTimeProvider"/> so idle logout, lockout and pairing expiry run on the test's
/// clock, and its state files in a temporary folder.
/// </summary>
public sealed class KioskHost : IAsyncDisposable
{
    private KioskHost(WebApplication app, TempDirectory state, int port, int adminPort)
    {
        App = app;
        State = state;
        Port = port;
        AdminPort = adminPort;
    }

    public WebApplication App { get; }

    public TempDirectory State { get; }

    public int Port { get; }

    public int AdminPort { get; }

    public string Url => $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public string AdminUrl => $"http://127.0.0.1:{AdminPort.ToString(CultureInfo.InvariantCulture)}";

    public FakeTimeProvider Clock => (FakeTimeProvider)App.Services.GetRequiredService<TimeProvider>();

    public T Get<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public static async Task<KioskHost> StartAsync(string agentUrl, int brokerPort, Action<TempDirectory>? prepare = null, IDictionary<string, string?>? settings = null)
    {
        var state = new TempDirectory("kiosk-ui");
        prepare?.Invoke(state);
        var port = FreePort.Next();
        var adminPort = FreePort.Next();
        var config = new Dictionary<string, string?>
        {
            ["Edge:Store:StoreId"] = "test-store",
            ["Edge:Store:HubId"] = "test-hub",
            ["Edge:Broker:Port"] = brokerPort.ToString(CultureInfo.InvariantCulture),
            ["Edge:Broker:RequiredAtStartup"] = "false",
            ["Kiosk:Url"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            ["Kiosk:AdminUrl"] = $"http://127.0.0.1:{adminPort.ToString(CultureInfo.InvariantCulture)}",
            ["Kiosk:AgentUrl"] = agentUrl,
            ["Kiosk:AgentToken"] = FakeAgent.Token,
            ["Kiosk:StaffPin"] = "246810",
            ["Kiosk:KioskId"] = "kiosk-7",
            ["Kiosk:Zone"] = "entrance",
            ["Kiosk:DatabasePath"] = state.File("kiosk.db"),
            ["KioskSignage:PlaylistPath"] = state.File("playlist.json"),
            ["KioskSignage:AssetDirectory"] = state.Sub("assets"),
            ["KioskSignage:PublishRetry"] = "00:00:01",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            config[k] = v;
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [.. config.Select(kv => $"--{kv.Key}={kv.Value}")],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero)));
        builder.AddEdgeHostDefaults("kiosk-ui");
        builder.AddKioskUi();
        var app = builder.Build();
        app.MapEdgeHealthChecks();
        app.MapKioskUi();
        await app.StartAsync();
        return new KioskHost(app, state, port, adminPort);
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await App.StopAsync(stop.Token);
        await App.DisposeAsync();
        State.Dispose();
    }
}
