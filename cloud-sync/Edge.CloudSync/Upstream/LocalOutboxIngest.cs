using Edge.CloudSync.Connection;
using Edge.CloudSync.Outbox;
using Edge.Contracts.Cloud;
using Edge.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.CloudSync.Upstream;

/// <summary>
/// Local bus -> outbox. Subscribes store/outbox/+ (QoS 1, persistent session), checks each event against the
/// contract (bad ones are refused with a reason, counted and logged, never stored) and hands valid ones to the
/// outbox writer in arrival order. Appends are pipelined: the writer commits many in one transaction.
/// </summary>
internal sealed class LocalOutboxIngest(LocalBus local, OutboxWriter writer, UpstreamCounters counters, Fleet.LocalFleetInputs fleet, ILogger<LocalOutboxIngest> logger) : BackgroundService
{
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _reportedDrops;

    /// <summary>Completes once store/outbox/+ is subscribed (from then on the persistent session keeps events for us).</summary>
    public Task Subscribed => _subscribed.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var client = local.Link.Client;
        try
        {
            await local.Link.WhenConnectedAsync(stoppingToken).ConfigureAwait(false);
            await client.SubscribeAsync([new MqttSubscription(CloudTopics.LocalOutboxFilter, MqttQualityOfService.AtLeastOnce)], stoppingToken).ConfigureAwait(false);
            _subscribed.TrySetResult();
            await foreach (var message in client.Messages.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                // The only reader of the local client: what is not for the outbox is for the fleet plane.
                if (!message.Topic.StartsWith(CloudTopics.LocalOutbox + "/", StringComparison.Ordinal))
                {
                    fleet.Observe(message);
                    continue;
                }

                counters.CountReceived();
                if (!OutboxEventValidator.TryParse(message.Topic, message.Payload, out var append, out var reason))
                {
                    counters.CountRefused(OutboxEventValidator.Code(reason));
                    CloudSyncLog.LocalEventRefused(logger, message.Topic, reason);
                    continue;
                }

                var committed = await writer.EnqueueAsync(append!, stoppingToken).ConfigureAwait(false);
                _ = committed.ContinueWith(static (t, s) => ((UpstreamCounters)s!).CountRefused("write-failed"), counters, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                ReportDrops(client);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void ReportDrops(IMqttClient client)
    {
        var dropped = client.DroppedInboundMessages;
        if (dropped != _reportedDrops)
        {
            CloudSyncLog.LocalInboundDropped(logger, dropped - _reportedDrops);
            _reportedDrops = dropped;
        }
    }
}
