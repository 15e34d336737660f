using System.Globalization;
using System.Text.Json;
using Edge.FleetDashboard.Tests.Harness;
using Edge.Messaging;
using Edge.TestKit;

namespace Edge.FleetDashboard.Tests.Host;

/// <summary>
/// The built fleet-dashboard binary as a process against a real mosquitto: its Sparkplug STATE is retained online
/// while it runs; killed abruptly (SIGKILL, so no DISCONNECT), the broker publishes its will, STATE offline with the
/// birth's timestamp; stopped gracefully, it says offline itself. A wrong key stops it at start naming the key.
/// </summary>
public sealed class PrimaryHostProcessTests
{
    private const string StateTopic = "spBv1.0/STATE/hq-process";

    [RequiresMosquittoFact]
    public async Task State_RetainedOnline_ThenWillOfflineWithTheSameTimestampWhenKilled()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var config = new TempDirectory();
        await using var dashboard = Start(broker, config);

        await using var watcher = await BrokerWatcher.ConnectAsync(broker, StateTopic);
        var online = await watcher.NextAsync(m => State(m).Online);
        // A late subscriber gets the retained STATE too (how an edge node learns the host is up).
        await using var late = await BrokerWatcher.ConnectAsync(broker, StateTopic);
        var retained = await late.NextAsync(_ => true);
        Signals.Send(dashboard.Id, Signals.SigKill);
        var will = await watcher.NextAsync(m => !State(m).Online);
        await using var afterDeath = await BrokerWatcher.ConnectAsync(broker, StateTopic);
        var retainedAfter = await afterDeath.NextAsync(_ => true);

        Assert.True(retained.Retain);
        Assert.True(State(retained).Online);
        Assert.Equal(State(online).Timestamp, State(will).Timestamp);
        Assert.InRange(State(online).Timestamp, DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.False(State(retainedAfter).Online);
        Assert.Matches("^\\{\"online\":false,\"timestamp\":[0-9]+\\}$", will.PayloadAsString());
    }

    [RequiresMosquittoFact]
    public async Task State_GracefulStop_PublishesOfflineItself()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var config = new TempDirectory();
        await using var dashboard = Start(broker, config);
        await using var watcher = await BrokerWatcher.ConnectAsync(broker, StateTopic);
        await watcher.NextAsync(m => State(m).Online);

        await dashboard.TerminateAsync(TimeSpan.FromSeconds(15));
        var offline = await OrOutputAsync(watcher.NextAsync(m => !State(m).Online), dashboard);

        Assert.Equal(0, dashboard.ExitCode);
        Assert.False(State(offline).Online);
    }

    [RequiresMosquittoFact]
    public async Task Start_UrlNotLoopback_Exits78NamingTheKeyAndWhy()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var config = new TempDirectory();
        await using var dashboard = Start(broker, config, ("FleetDashboard__Url", "http://0.0.0.0:5310"));

        var code = await dashboard.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(78, code);
        Assert.Contains("FleetDashboard:Url: 'http://0.0.0.0:5310' is not an http:// loopback address", dashboard.Output, StringComparison.Ordinal);
    }

    private static ServiceProcess Start(MosquittoBroker broker, TempDirectory config, params (string Key, string Value)[] extra)
    {
        var environment = new Dictionary<string, string?>
        {
            ["EDGE_CONFIG_DIR"] = config.Path,
            ["FleetDashboard__Url"] = $"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}",
            ["FleetDashboard__Broker"] = broker.Uri,
            ["FleetDashboard__HostId"] = "hq-process",
            ["FleetDashboard__Group"] = DashboardHost.Group,
        };
        foreach (var (key, value) in extra)
        {
            environment[key] = value;
        }

        return ServiceProcess.Start(ServiceProcess.BinaryPath("hq/Edge.FleetDashboard", "fleet-dashboard.dll"), environment);
    }

    /// <summary>A missing message fails with what the dashboard logged, so a failure says why it did not send it.</summary>
    private static async Task<MqttMessage> OrOutputAsync(Task<MqttMessage> next, ServiceProcess dashboard)
    {
        try
        {
            return await next;
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}; fleet-dashboard output:\n{dashboard.Output}", ex);
        }
    }

    private static (bool Online, long Timestamp) State(MqttMessage message)
    {
        using var json = JsonDocument.Parse(message.Payload);
        return (json.RootElement.GetProperty("online").GetBoolean(), json.RootElement.GetProperty("timestamp").GetInt64());
    }
}
