using Edge.Hosting.Systemd;
using Edge.TestKit;
using Microsoft.Extensions.Configuration;

namespace Edge.Hosting.Tests;

public sealed class SystemdNotifierTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task NotifyAsync_SocketFromEnvironment_DeliversStateToListener(bool abstractName)
    {
        using var listener = new NotifySocketListener(abstractName);
        using var notifier = new SystemdNotifier(new SystemdEnvironment(listener.Address, null, true));

        await notifier.NotifyAsync("READY=1\nSTATUS=ok", CancellationToken.None);

        Assert.True(notifier.IsEnabled);
        Assert.Equal("READY=1\nSTATUS=ok", await listener.ReceiveAsync(Wait));
    }

    [Fact]
    public async Task NotifyAsync_NoNotifySocket_IsDisabledNoOp()
    {
        using var notifier = new SystemdNotifier(new SystemdEnvironment(null, null, false));

        await notifier.NotifyAsync("READY=1", CancellationToken.None);

        Assert.False(notifier.IsEnabled);
    }

    [Fact]
    public void From_WatchdogForAnotherPid_DisablesWatchdog()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WATCHDOG_USEC"] = "4000000",
            ["WATCHDOG_PID"] = "1",
        }).Build();

        Assert.Null(SystemdEnvironment.From(config).WatchdogInterval);
    }

    [Theory]
    [InlineData("INVOCATION_ID", "abc", "4000000", true, 4.0)]
    [InlineData("JOURNAL_STREAM", "8:1234", "", true, null)]
    [InlineData("UNRELATED", "x", "garbage", false, null)]
    public void From_Variables_DetectsSystemdAndWatchdog(string key, string value, string watchdogUsec, bool underSystemd, double? watchdogSeconds)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [key] = value,
            ["WATCHDOG_USEC"] = watchdogUsec,
        }).Build();

        var env = SystemdEnvironment.From(config);

        Assert.Equal(underSystemd, env.UnderSystemd);
        Assert.Equal(watchdogSeconds, env.WatchdogInterval?.TotalSeconds);
    }
}
