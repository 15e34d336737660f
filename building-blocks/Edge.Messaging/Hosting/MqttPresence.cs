namespace Edge.Messaging.Hosting;

/// <summary>Where <see cref="MqttPresenceService"/> keeps this process's retained state.</summary>
public sealed record MqttPresence(string Topic)
{
    /// <summary>A retained QoS 1 state message (also the shape of the will).</summary>
    public MqttMessage Message(string state) => MqttMessage.FromString(Topic, state) with
    {
        Qos = MqttQualityOfService.AtLeastOnce,
        Retain = true,
        ContentType = "text/plain",
        PayloadIsUtf8 = true,
    };
}
