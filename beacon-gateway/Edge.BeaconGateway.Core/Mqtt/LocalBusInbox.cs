using Edge.BeaconGateway.Diagnostics;
using Edge.BeaconGateway.Remote;
using Edge.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.BeaconGateway.Mqtt;

/// <summary>
/// Subscribes to remote receivers (ESPresense device reports and raw-advert relays) on the local broker and feeds
/// each message to <see cref="RemoteReceiverDecoder"/>. Other messages on the client's inbound channel are ignored.
/// </summary>
public sealed class RemoteReceiverService(
    IMqttClient client,
    RemoteReceiverDecoder decoder,
    TimeProvider time,
    ILogger<RemoteReceiverService> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>Completes once the subscriptions are acknowledged.</summary>
    public TaskCompletionSource Subscribed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!Subscribed.Task.IsCompleted)
            {
                try
                {
                    await client.SubscribeAsync(
                        [new MqttSubscription(RemoteTopics.EspresenseDevices, MqttQualityOfService.AtMostOnce), new MqttSubscription(RemoteTopics.RawAdverts, MqttQualityOfService.AtMostOnce)],
                        stoppingToken).ConfigureAwait(false);
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
                if (message.Topic.StartsWith(RemoteTopics.EspresensePrefix, StringComparison.Ordinal)
                    || message.Topic.StartsWith(RemoteTopics.RawPrefix, StringComparison.Ordinal))
                {
                    decoder.Handle(message.Topic, message.Payload.Span, time.GetUtcNow());
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
