using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.Hosting.Systemd;

/// <summary>
/// Tells systemd READY=1 once every hosted service has started (so dependants ordered After= this unit see a
/// working service), and STOPPING=1 as soon as shutdown begins.
/// </summary>
internal sealed class SystemdLifetimeNotifier(
    ISystemdNotifier notifier,
    EdgeServiceInfo service,
    ILogger<SystemdLifetimeNotifier> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) =>
        SendAsync($"READY=1\nSTATUS={service.Name} {service.Version} running\nMAINPID={Environment.ProcessId}", cancellationToken);

    public Task StoppingAsync(CancellationToken cancellationToken) =>
        SendAsync($"STOPPING=1\nSTATUS={service.Name} stopping", cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SendAsync(string state, CancellationToken cancellationToken)
    {
        if (!notifier.IsEnabled)
        {
            return;
        }

        try
        {
            await notifier.NotifyAsync(state, cancellationToken).ConfigureAwait(false);
            HostingLog.SystemdNotified(logger, state.Split('\n')[0]);
        }
        catch (SocketException ex)
        {
            HostingLog.SystemdNotifyFailed(logger, ex.SocketErrorCode.ToString(), ex);
        }
    }
}
