using System.Text.Json;
using Edge.BeaconGateway.Diagnostics;
using Edge.BeaconGateway.Presence;
using Edge.Contracts.Presence;
using Edge.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.BeaconGateway.Mqtt;

/// <summary>
/// Publishes queued presence and store-beacon events on the local bus at QoS 1 (topics in
/// <see cref="PresenceTopics"/>, JSON from <see cref="PresenceJsonContext"/>). Without an MQTT client the queue is
/// drained and dropped, so it never fills.
/// </summary>
public sealed class PresencePublisherService(ChannelPresenceSink sink, ILogger<PresencePublisherService> logger, IMqttClient? client = null) : BackgroundService
{
    public long Published { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (client is null)
        {
            GatewayLog.NoMqttClient(logger);
        }

        try
        {
            await foreach (var item in sink.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                if (client is null)
                {
                    continue;
                }

                var (topic, payload) = item switch
                {
                    PresenceEvent e => (PresenceTopics.For(e), JsonSerializer.SerializeToUtf8Bytes(e, PresenceJsonContext.Default.PresenceEvent)),
                    StoreBeaconEvent b => (PresenceTopics.For(b), JsonSerializer.SerializeToUtf8Bytes(b, PresenceJsonContext.Default.StoreBeaconEvent)),
                    _ => (string.Empty, []),
                };
                if (topic.Length == 0)
                {
                    continue;
                }

                try
                {
                    await client.PublishAsync(new MqttMessage(topic, payload)
                    {
                        Qos = MqttQualityOfService.AtLeastOnce,
                        ContentType = "application/json",
                        PayloadIsUtf8 = true,
                    }, stoppingToken).ConfigureAwait(false);
                    Published++;
                }
                catch (Exception ex) when (ex is MqttException or InvalidOperationException or TimeoutException)
                {
                    GatewayLog.PublishFailed(logger, ex, topic);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
