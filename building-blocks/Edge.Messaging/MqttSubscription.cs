namespace Edge.Messaging;

/// <summary>
/// One topic filter to subscribe to (wildcards + and #, shared subscriptions $share/group/filter) with its
/// MQTT 5 subscription options (spec 3.8.3.1); the options are ignored for MQTT 3.1.1.
/// </summary>
public sealed record MqttSubscription(string TopicFilter, MqttQualityOfService Qos = MqttQualityOfService.AtLeastOnce)
{
    /// <summary>Do not receive the messages this client publishes itself (not allowed on shared subscriptions).</summary>
    public bool NoLocal { get; init; }

    public bool RetainAsPublished { get; init; }

    public MqttRetainHandling RetainHandling { get; init; } = MqttRetainHandling.SendAtSubscribe;
}
