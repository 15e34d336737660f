using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Edge.Hosting.Broker;

/// <summary>
/// Checks at start-up that the local broker accepts TCP connections, retrying until the start-up timeout
/// (the broker may still be starting under edge.target). Failing fast with a clear message beats a
/// service that says READY but cannot talk to anyone. Also a health check for /healthz and the watchdog.
/// </summary>
internal sealed class LocalBrokerProbe(
    IOptions<LocalBrokerOptions> options,
    TimeProvider time,
    ILogger<LocalBrokerProbe> logger) : IHostedLifecycleService, IHealthCheck
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(250);

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.RequiredAtStartup)
        {
            return;
        }

        var deadline = time.GetTimestamp() + (long)(o.StartupTimeout.TotalSeconds * time.TimestampFrequency);
        while (true)
        {
            var error = await TryConnectAsync(o, cancellationToken).ConfigureAwait(false);
            if (error is null)
            {
                HostingLog.BrokerReachable(logger, o.Host, o.Port);
                return;
            }

            if (time.GetTimestamp() >= deadline)
            {
                throw new BrokerUnavailableException(
                    $"the local MQTT broker at {o.Host}:{o.Port} is not reachable ({error}). Start it (systemctl start mosquitto, or ./edge demo starts one) or set {LocalBrokerOptions.Section}:Host / :Port.");
            }

            HostingLog.BrokerNotYetReachable(logger, o.Host, o.Port, error);
            await Task.Delay(RetryInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        var error = await TryConnectAsync(o, cancellationToken).ConfigureAwait(false);
        return error is null
            ? HealthCheckResult.Healthy($"{o.Host}:{o.Port}")
            : HealthCheckResult.Unhealthy($"{o.Host}:{o.Port}: {error}");
    }

    private static async Task<string?> TryConnectAsync(LocalBrokerOptions o, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await client.ConnectAsync(o.Host, o.Port, attempt.Token).ConfigureAwait(false);
            return null;
        }
        catch (SocketException ex)
        {
            return ex.SocketErrorCode.ToString();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "connect timed out";
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
