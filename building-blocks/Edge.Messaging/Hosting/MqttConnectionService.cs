using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.Messaging.Hosting;

/// <summary>
/// Connects a registered <see cref="IMqttClient"/> when the host starts and disconnects it when the host stops. Register
/// it before the services that use the client, so it starts first and stops last. The first attempt is made in
/// StartAsync; if the broker refuses or is not there, attempts continue in the background with doubling delays (1 s
/// to 30 s) on the injected clock instead of failing the host, because every Store Edge service must keep doing its
/// local work while a broker restarts. After the first success the client reconnects by itself.
/// </summary>
public sealed class MqttConnectionService(IMqttClient client, TimeProvider time, ILogger<MqttConnectionService> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);
    private readonly CancellationTokenSource _stop = new();
    private Task _retries = Task.CompletedTask;

    /// <summary>Completes once the client has connected for the first time.</summary>
    public TaskCompletionSource Connected { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!await TryConnectAsync(cancellationToken).ConfigureAwait(false))
        {
            _retries = RetryAsync(_stop.Token);
        }
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
            // Not connected: nothing to say goodbye to.
        }
    }

    public void Dispose() => _stop.Dispose();

    private async Task RetryAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        try
        {
            do
            {
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
            while (!await TryConnectAsync(cancellationToken).ConfigureAwait(false));
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
            Connected.TrySetResult();
            return true;
        }
        catch (MqttException ex)
        {
            Diagnostics.MessagingLog.ConnectAttemptFailed(logger, client.Endpoint, ex.Message);
            return false;
        }
    }
}
