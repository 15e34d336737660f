using System.Text.Json;
using Edge.Contracts;
using Edge.Contracts.Agent;
using Edge.Contracts.Cloud;
using Edge.Kiosk.Hosting;
using Edge.Messaging;
using Microsoft.Extensions.Options;

namespace Edge.Kiosk.Signage;

/// <summary>
/// Publishes stored proof of play to store/outbox/proof-of-play (QoS 1, <see cref="OutboxEvent"/>) in order, deleting
/// each record only after the broker acknowledged it. While the bus is away it retries every
/// <see cref="SignageOptions.PublishRetry"/>; a new play wakes it at once.
/// </summary>
internal sealed class ProofOfPlayPublisher(
    ProofOfPlayStore store,
    IMqttClient bus,
    IOptions<KioskOptions> kiosk,
    IOptions<SignageOptions> signage,
    TimeProvider time,
    ILogger<ProofOfPlayPublisher> logger) : BackgroundService
{
    public static readonly string Topic = LocalTopics.OutboxFor(OutboxStreams.ProofOfPlay);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await PublishPendingAsync(stoppingToken);
            using var retry = new CancellationTokenSource(signage.Value.PublishRetry, time);
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, retry.Token);
            try
            {
                await store.Appended.ReadAsync(wake.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // retry interval elapsed
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Publishes everything stored; returns how many were acknowledged.</summary>
    public async Task<int> PublishPendingAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = store.Pending(100);
            if (batch.Count == 0)
            {
                return sent;
            }

            foreach (var (seq, record) in batch)
            {
                if (bus.State != MqttConnectionState.Connected)
                {
                    KioskLog.ProofOfPlayDeferred(logger, store.PendingCount(), "local broker not connected");
                    return sent;
                }

                try
                {
                    await bus.PublishAsync(ToMessage(record), cancellationToken);
                }
                catch (Exception ex) when (ex is MqttException or InvalidOperationException or TimeoutException)
                {
                    KioskLog.ProofOfPlayDeferred(logger, store.PendingCount(), ex.Message);
                    return sent;
                }

                store.Acknowledged(seq);
                sent++;
            }
        }

        return sent;
    }

    private MqttMessage ToMessage(ProofOfPlayRecord record)
    {
        var body = new ProofOfPlayBody(kiosk.Value.KioskId, record.ItemId, record.StartedAt, record.EndedAt, (record.EndedAt - record.StartedAt).TotalSeconds);
        var envelope = new OutboxEvent(
            $"kiosk-ui:{kiosk.Value.KioskId}:play:{record.PlayId}",
            "signage.played",
            record.EndedAt,
            JsonSerializer.SerializeToElement(body, SignageJsonContext.Default.ProofOfPlayBody));
        return new MqttMessage(Topic, JsonSerializer.SerializeToUtf8Bytes(envelope, CloudJsonContext.Default.OutboxEvent))
        {
            Qos = MqttQualityOfService.AtLeastOnce,
            ContentType = "application/json",
            PayloadIsUtf8 = true,
        };
    }
}
