using System.Text.Json.Serialization.Metadata;
using System.Text.Json;
using Edge.Messaging;

namespace Edge.Agent.Bus;

/// <summary>Publishes local-bus messages (QoS 1, JSON). A failure is logged and counted, never thrown at the caller's business logic.</summary>
internal sealed class BusPublisher(IMqttClient client, AgentCounters counters, ILogger<BusPublisher> logger)
{
    public async Task<bool> PublishAsync<T>(string topic, T message, JsonTypeInfo<T> type, bool retain, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(message, type);
        try
        {
            await client.PublishAsync(new MqttMessage(topic, payload)
            {
                Qos = MqttQualityOfService.AtLeastOnce,
                Retain = retain,
                ContentType = "application/json",
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
