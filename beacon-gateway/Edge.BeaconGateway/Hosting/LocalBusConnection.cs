using Edge.Hosting.Broker;
using Edge.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Edge.BeaconGateway.Hosting;

/// <summary>
/// Connects the gateway's client to the hub's broker before the sources start (registered first, so it starts first
/// and stops last). The start-up probe has already checked the broker listens; if the first CONNECT is still refused
/// (credentials, ACL, broker restarting) it keeps trying in the background: presence is perishable, so the radio
/// keeps running and events published meanwhile are dropped and counted. After the first success the client
/// reconnects by itself.
/// </summary>
internal sealed partial class LocalBusConnection(
    IMqttClient client,
    IOptions<LocalBrokerOptions> broker,
    TimeProvider time,
    ILogger<LocalBusConnection> logger) : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);
    private readonly CancellationTokenSource _stop = new();
    private Task _retries = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await TryConnectAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (broker.Value.RequiredAtStartup && broker.Value.StartupTimeout == TimeSpan.Zero)
        {
            throw new BrokerUnavailableException($"The hub's broker {client.Endpoint} refused beacon-gateway's connection; check Edge:Broker:Username/Password and the broker's ACL.");
        }

        _retries = RetryAsync(_stop.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _retries.ConfigureAwait(false);
        try
        {
            await client.DisconnectAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (MqttException)
        {
            // Already gone: nothing to hand back to the broker.
        }
    }

    public ValueTask DisposeAsync()
    {
        _stop.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task RetryAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        try
        {
            while (!await TryConnectAsync(cancellationToken).ConfigureAwait(false))
            {
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task<bool> TryConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (MqttException ex)
        {
            LogConnectFailed(logger, client.Endpoint, ex.Message);
            return false;
        }
    }

    [LoggerMessage(4090, LogLevel.Warning, "beacon-gateway cannot connect to the hub's broker {Endpoint}: {Reason}; retrying")]
    private static partial void LogConnectFailed(ILogger logger, string endpoint, string reason);
}
