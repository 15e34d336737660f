using Edge.CloudSync.Connection;
using Edge.CloudSync.Outbox;
using Edge.Contracts.Cloud;
using Edge.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Edge.CloudSync.Upstream;

/// <summary>
/// Outbox -> cloud. The only sender of upstream traffic: reads pending messages in append order, batches
/// consecutive messages of a stream into one QoS 1 publish on retail/v1/{store}/up/{stream}, keeps several batches in
/// flight, and advances the checkpoint (deletes from the outbox) only for batches the cloud broker acknowledged, in
/// order. After a restart or an interrupted drain it starts again from the oldest unacknowledged message, so the
/// cloud sees every message at least once and, after de-duplicating by message id, in sequence order per stream.
/// </summary>
internal sealed class UpstreamPublisher(
    CloudBus cloud,
    OutboxStore store,
    OutboxWriter writer,
    OutboxSignal signal,
    UpstreamCounters counters,
    IOptions<UpstreamOptions> options,
    TimeProvider time,
    ILogger<UpstreamPublisher> logger) : BackgroundService
{
    private readonly UpstreamOptions _o = options.Value;
    private DateTimeOffset _nextMaintenance = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (cloud.Link is not { } link)
            {
                // Offline: nothing to send, but time-bound messages still expire.
                while (true)
                {
                    await MaintainAsync(force: true, stoppingToken).ConfigureAwait(false);
                    await Task.Delay(_o.PollInterval, time, stoppingToken).ConfigureAwait(false);
                }
            }

            while (true)
            {
                try
                {
                    await link.WaitConnectedAsync(stoppingToken).ConfigureAwait(false);
                    await DrainAsync(link.Client, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested && ex is MqttException or TimeoutException or OperationCanceledException)
                {
                    CloudSyncLog.DrainInterrupted(logger, ex.Message);
                    await Task.Delay(cloud.RetryDelay, time, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task DrainAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        var cursor = 0L;
        var window = new Queue<InFlight>();
        try
        {
            while (true)
            {
                await MaintainAsync(force: false, cancellationToken).ConfigureAwait(false);
                if (window.Count < _o.MaxInflightBatches)
                {
                    var pending = store.ReadPending(cursor, (_o.MaxInflightBatches - window.Count) * _o.MaxBatchMessages);
                    if (pending.Count > 0)
                    {
                        cursor = pending[^1].Id;
                        foreach (var batch in Batches(pending, time.GetUtcNow()))
                        {
                            window.Enqueue(Publish(client, batch, cancellationToken));
                        }
                    }
                }

                if (window.Count == 0)
                {
                    await signal.WaitAsync(_o.PollInterval, time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                // Acknowledge the oldest batch, and with it every later one that is already acknowledged (one commit).
                var acked = new List<OutboxEntry>();
                var batches = 0;
                do
                {
                    var oldest = window.Dequeue();
                    await oldest.Ack.WaitAsync(_o.AckTimeout, time, cancellationToken).ConfigureAwait(false);
                    acked.AddRange(oldest.Entries);
                    batches++;
                }
                while (window.Count > 0 && window.Peek().Ack.IsCompletedSuccessfully);

                await writer.AcknowledgeAsync(acked, cancellationToken).ConfigureAwait(false);
                counters.CountAcked(acked.Count, batches, time.GetUtcNow());
            }
        }
        finally
        {
            // Abandoned publishes may still complete or fail later; observe them so nothing goes unobserved.
            foreach (var f in window)
            {
                _ = f.Ack.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }
        }
    }

    private InFlight Publish(IMqttClient client, List<OutboxEntry> batch, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stream = batch[0].Stream;
        var payload = UpBatchWriter.Write(cloud.Cloud.StoreId, cloud.Cloud.HubId, stream, now, batch);
        TimeSpan? expiry = null;
        if (batch[0].ExpiresAt is not null)
        {
            // Relative on the wire (MQTT 5 message expiry), so the broker drops it in time whatever the clocks say.
            var earliest = batch.Min(e => e.ExpiresAt!.Value);
            expiry = TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling((earliest - now).TotalSeconds)));
        }

        var message = new MqttMessage(CloudTopics.Up(cloud.Cloud.StoreId, stream), payload)
        {
            Qos = MqttQualityOfService.AtLeastOnce,
            ContentType = "application/json",
            PayloadIsUtf8 = true,
            MessageExpiry = expiry,
        };
        return new InFlight(client.PublishAsync(message, cancellationToken), batch);
    }

    /// <summary>
    /// Splits pending messages into batches: one stream each (in sequence order), at most MaxBatchMessages and
    /// MaxBatchBytes, and time-bound messages apart from the rest so that an expiry never applies to a message without one.
    /// Messages already expired are skipped (maintenance deletes them).
    /// </summary>
    private IEnumerable<List<OutboxEntry>> Batches(IReadOnlyList<OutboxEntry> pending, DateTimeOffset now)
    {
        var open = new Dictionary<string, (List<OutboxEntry> List, int Bytes)>(StringComparer.Ordinal);
        foreach (var e in pending)
        {
            if (e.ExpiresAt is { } x && x <= now)
            {
                continue;
            }

            if (open.TryGetValue(e.Stream, out var b)
                && (b.List.Count >= _o.MaxBatchMessages || b.Bytes + e.Payload.Length > _o.MaxBatchBytes || (b.List[0].ExpiresAt is null) != (e.ExpiresAt is null)))
            {
                yield return b.List;
                open.Remove(e.Stream);
            }

            if (!open.TryGetValue(e.Stream, out b))
            {
                b = ([], 0);
            }

            b.List.Add(e);
            open[e.Stream] = (b.List, b.Bytes + e.Payload.Length + 128);
        }

        // One open batch per stream at most, so this keeps each stream's order.
        foreach (var b in open.Values)
        {
            yield return b.List;
        }
    }

    private async Task MaintainAsync(bool force, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!force && now < _nextMaintenance)
        {
            return;
        }

        _nextMaintenance = now + _o.PollInterval;
        var expired = await writer.RunAsync(s => s.DeleteExpired().Count, cancellationToken).ConfigureAwait(false);
        if (expired > 0)
        {
            counters.CountExpired(expired);
            CloudSyncLog.Expired(logger, expired);
        }

        await writer.RunAsync(s => s.ForgetSentIdsBefore(now - _o.SentIdRetention), cancellationToken).ConfigureAwait(false);
    }

    private sealed record InFlight(Task<MqttPublishResult> Ack, List<OutboxEntry> Entries);
}
