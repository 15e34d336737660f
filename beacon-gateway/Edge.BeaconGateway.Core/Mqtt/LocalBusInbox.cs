using Edge.BeaconGateway.Diagnostics;
using Edge.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.BeaconGateway.Mqtt;

/// <summary>
/// The gateway's one reader of its MQTT client's inbound channel (two readers would split the messages between
/// them): subscribes to every handler's filters, then hands each message to the handler whose topic it is, in
/// arrival order. Messages no handler claims are ignored.
/// </summary>
public sealed class LocalBusInbox(
    IMqttClient client,
    IEnumerable<ILocalBusHandler> handlers,
    TimeProvider time,
    ILogger<LocalBusInbox> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);
    private readonly ILocalBusHandler[] _handlers = [.. handlers];

    /// <summary>Completes once the subscriptions are acknowledged.</summary>
    public TaskCompletionSource Subscribed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var subscriptions = _handlers.SelectMany(h => h.Subscriptions).ToList();
            while (!Subscribed.Task.IsCompleted)
            {
                try
                {
                    await client.SubscribeAsync(subscriptions, stoppingToken).ConfigureAwait(false);
                    Subscribed.TrySetResult();
                }
                catch (Exception ex) when (ex is MqttException or InvalidOperationException or TimeoutException)
                {
                    GatewayLog.SubscribeFailed(logger, ex, RetryDelay);
                    await Task.Delay(RetryDelay, time, stoppingToken).ConfigureAwait(false);
                }
            }

            await foreach (var message in client.Messages.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                foreach (var handler in _handlers)
                {
                    if (await handler.TryHandleAsync(message, stoppingToken).ConfigureAwait(false))
                    {
                        break;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
