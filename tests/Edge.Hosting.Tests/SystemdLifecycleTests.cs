using Edge.TestKit;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Edge.Hosting.Tests;

public sealed class SystemdLifecycleTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task StartAndStop_UnderNotifySocket_SendsReadyThenStopping()
    {
        using var listener = new NotifySocketListener();
        var builder = TestHosts.Builder(new Dictionary<string, string?> { ["NOTIFY_SOCKET"] = listener.Address });
        builder.AddEdgeHostDefaults("test-service", usesLocalBroker: false);
        using var host = builder.Build();

        await host.StartAsync();
        var ready = await listener.ReceiveAsync(Wait);
        await host.StopAsync();
        var stopping = await listener.ReceiveAsync(Wait);

        Assert.StartsWith("READY=1\n", ready, StringComparison.Ordinal);
        Assert.Contains("STATUS=test-service", ready, StringComparison.Ordinal);
        Assert.StartsWith("STOPPING=1", stopping, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watchdog_HealthyService_PingsAtHalfTheInterval()
    {
        using var listener = new NotifySocketListener();
        var clock = new FakeTimeProvider();
        var builder = TestHosts.Builder(
            new Dictionary<string, string?> { ["NOTIFY_SOCKET"] = listener.Address, ["WATCHDOG_USEC"] = "2000000" },
            clock);
        builder.AddEdgeHostDefaults("test-service", usesLocalBroker: false);
        using var host = builder.Build();
        await host.StartAsync();
        Assert.StartsWith("READY=1", await listener.ReceiveAsync(Wait), StringComparison.Ordinal);
        await clock.WaitForActiveTimersAsync(1, Wait);

        clock.Advance(TimeSpan.FromSeconds(1));
        var first = await listener.ReceiveAsync(Wait);
        await clock.WaitForActiveTimersAsync(1, Wait);
        clock.Advance(TimeSpan.FromSeconds(1));
        var second = await listener.ReceiveAsync(Wait);

        Assert.Equal("WATCHDOG=1", first);
        Assert.Equal("WATCHDOG=1", second);
        await host.StopAsync();
    }

    [Fact]
    public async Task Watchdog_FailingHealthCheck_WithholdsPingAndReportsStatus()
    {
        using var listener = new NotifySocketListener();
        var clock = new FakeTimeProvider();
        var builder = TestHosts.Builder(
            new Dictionary<string, string?> { ["NOTIFY_SOCKET"] = listener.Address, ["WATCHDOG_USEC"] = "2000000" },
            clock);
        builder.AddEdgeHostDefaults("test-service", usesLocalBroker: false);
        builder.Services.AddHealthChecks().AddCheck("radio", () => HealthCheckResult.Unhealthy("adapter gone"));
        using var host = builder.Build();
        await host.StartAsync();
        Assert.StartsWith("READY=1", await listener.ReceiveAsync(Wait), StringComparison.Ordinal);
        await clock.WaitForActiveTimersAsync(1, Wait);

        clock.Advance(TimeSpan.FromSeconds(1));
        var message = await listener.ReceiveAsync(Wait);

        Assert.Equal("STATUS=unhealthy: radio", message);
        Assert.DoesNotContain("WATCHDOG=1", message, StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Fact]
    public async Task StartAsync_NotUnderSystemd_StartsWithoutNotifying()
    {
        var builder = TestHosts.Builder(new Dictionary<string, string?>());
        builder.AddEdgeHostDefaults("test-service", usesLocalBroker: false);
        using var host = builder.Build();

        await host.StartAsync();
        var notifier = host.Services.GetRequiredService<Systemd.ISystemdNotifier>();
        await host.StopAsync();

        Assert.False(notifier.IsEnabled);
    }
}
