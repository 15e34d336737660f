using System.Text.Json.Serialization.Metadata;
using System.Text.Json;
using Edge.Messaging;

namespace Edge.Agent.Bus;

/// <summary>Publishes local-bus messages (QoS 1, JSON). A failure is logged and counted, never thrown at the caller's business logic.</summary>
internal sealed class BusPublisher(IMqttClient client, AgentCounters counters, ILogger<BusPublisher> logger)
{
    public Task<bool> PublishAsync<T>(string topic, T message, JsonTypeInfo<T> type, bool retain, CancellationToken cancellationToken) =>
        PublishAsync(topic, JsonSerializer.SerializeToUtf8Bytes(message, type), "application/json", retain, cancellationToken);

    /// <summary>A plain-text message (device and service states are text on the local bus).</summary>
    public Task<bool> PublishTextAsync(string topic, string text, bool retain, CancellationToken cancellationToken) =>
        PublishAsync(topic, System.Text.Encoding.UTF8.GetBytes(text), "text/plain", retain, cancellationToken);

    private async Task<bool> PublishAsync(string topic, byte[] payload, string contentType, bool retain, CancellationToken cancellationToken)
    {
        try
        {
            await client.PublishAsync(new MqttMessage(topic, payload)
            {
                Qos = MqttQualityOfService.AtLeastOnce,
                Retain = retain,
                ContentType = contentType,
                PayloadIsUtf8 = true,
            }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (MqttException e)
        {
            counters.Increment("bus.publish_failed");
            BusLog.PublishFailed(logger, topic, e.Message);
            return false;
        }
    }
}
