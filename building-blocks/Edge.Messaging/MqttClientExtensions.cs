namespace Edge.Messaging;

/// <summary>Shorthands over <see cref="IMqttClient"/>.</summary>
public static class MqttClientExtensions
{
    public static Task<IReadOnlyList<MqttQualityOfService>> SubscribeAsync(
        this IMqttClient client, string topicFilter, MqttQualityOfService qos = MqttQualityOfService.AtLeastOnce, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.SubscribeAsync([new MqttSubscription(topicFilter, qos)], cancellationToken);
    }

    public static Task<MqttPublishResult> PublishAsync(
        this IMqttClient client, string topic, ReadOnlyMemory<byte> payload, MqttQualityOfService qos = MqttQualityOfService.AtLeastOnce, bool retain = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.PublishAsync(new MqttMessage(topic, payload) { Qos = qos, Retain = retain }, cancellationToken);
    }

    public static Task UnsubscribeAsync(this IMqttClient client, string topicFilter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.UnsubscribeAsync([topicFilter], cancellationToken);
    }

    /// <summary>Answers a request received on <see cref="IMqttClient.Messages"/> (to its response topic, with its correlation data).</summary>
    public static Task<MqttPublishResult> RespondAsync(this IMqttClient client, MqttMessage request, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        return client.PublishAsync(request.CreateResponse(payload), cancellationToken);
    }
}
