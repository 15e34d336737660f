using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.Hosting.Systemd;

/// <summary>
/// Pings systemd's watchdog (WATCHDOG=1) at half of WATCHDOG_USEC, as sd_watchdog_enabled(3) recommends,
/// but only while the service's health checks pass: a service that is alive but broken stops pinging, and
/// systemd restarts it (WatchdogSec + Restart=on-failure in the unit).
/// </summary>
internal sealed class SystemdWatchdogService(
    SystemdEnvironment environment,
    ISystemdNotifier notifier,
    HealthCheckService health,
    TimeProvider time,
    ILogger<SystemdWatchdogService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!notifier.IsEnabled || environment.WatchdogInterval is not { } interval)
        {
            return;
        }

        var period = interval / 2;
        HostingLog.WatchdogEnabled(logger, period);
        using var timer = new PeriodicTimer(period, time);
        var wasHealthy = true;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                var report = await health.CheckHealthAsync(stoppingToken).ConfigureAwait(false);
                var healthy = report.Status != HealthStatus.Unhealthy;
                if (healthy)
                {
                    await TrySendAsync(wasHealthy ? "WATCHDOG=1" : "WATCHDOG=1\nSTATUS=healthy again", stoppingToken).ConfigureAwait(false);
                }
                else
                {
                    var failing = string.Join(", ", report.Entries.Where(e => e.Value.Status == HealthStatus.Unhealthy).Select(e => e.Key));
                    HostingLog.WatchdogWithheld(logger, failing);
                    await TrySendAsync("STATUS=unhealthy: " + failing, stoppingToken).ConfigureAwait(false);
                }

                wasHealthy = healthy;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task TrySendAsync(string state, CancellationToken cancellationToken)
    {
        try
        {
            await notifier.NotifyAsync(state, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            HostingLog.SystemdNotifyFailed(logger, ex.SocketErrorCode.ToString(), ex);
        }
    }
}
