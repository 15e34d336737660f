using System.Globalization;
using Edge.FleetDashboard.Fleet;
using Edge.FleetDashboard.Hosting;
using Edge.FleetDashboard.Sparkplug;
using Edge.Hosting;
using Edge.Hosting.Health;
using Edge.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Edge.FleetDashboard.Tests.Harness;

/// <summary>
/// The dashboard built exactly as Program.cs builds it (AddEdgeHostDefaults + AddFleetDashboard + MapFleetDashboard),
/// in-process on a free loopback port against a real broker, with a <see cref="FakeTimeProvider"/>.
/// </summary>
internal sealed class DashboardHost : IAsyncDisposable
{
    public const string Group = "test-region";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private DashboardHost(WebApplication app, int port)
    {
        App = app;
        Port = port;
    }

    public WebApplication App { get; }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public FakeTimeProvider Clock => (FakeTimeProvider)App.Services.GetRequiredService<TimeProvider>();

    public FleetBoard Board => App.Services.GetRequiredService<FleetBoard>();

    public T Get<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public static async Task<DashboardHost> StartAsync(MosquittoBroker broker, IDictionary<string, string?>? settings = null)
    {
        var port = FreePort.Next();
        var config = new Dictionary<string, string?>
        {
            ["FleetDashboard:Url"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            ["FleetDashboard:Broker"] = broker.Uri,
            ["FleetDashboard:Group"] = Group,
            ["FleetDashboard:HostId"] = "hq-test",
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
        builder.AddEdgeHostDefaults("fleet-dashboard", usesLocalBroker: false);
        builder.AddFleetDashboard();
        var app = builder.Build();
        app.MapEdgeHealthChecks();
        app.MapFleetDashboard();
        await app.StartAsync();
        var host = new DashboardHost(app, port);
        await host.Get<SparkplugHostService>().Online.Task.WaitAsync(Timeout);
        return host;
    }

    /// <summary>Waits until the board satisfies <paramref name="condition"/> (checked now and after every change).</summary>
    public async Task<StoreView> WaitForStoreAsync(string storeId, Func<StoreView, bool> condition)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(string _)
        {
            if (Board.Store(storeId) is { } s && condition(s))
            {
                done.TrySetResult();
            }
        }

        Board.Changed += Check;
        try
        {
            Check(storeId);
            try
            {
                await done.Task.WaitAsync(Timeout);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"store {storeId} did not reach the expected state; it is {Board.Store(storeId)}");
            }

            return Board.Store(storeId)!;
        }
        finally
        {
            Board.Changed -= Check;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await App.StopAsync(stop.Token);
        await App.DisposeAsync();
    }
}
