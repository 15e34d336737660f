namespace Edge.Messaging;

/// <summary>
/// What <see cref="IMqttClient.PublishAsync"/> does while the client is not connected. Durable buffering across
/// restarts is not this library's job (cloud-sync keeps its own disk outbox).
/// </summary>
public enum MqttOfflinePublishPolicy
{
    /// <summary>Throw <see cref="MqttException"/> at once with <see cref="MqttException.NotConnected"/>; nothing is queued.</summary>
    FailFast,

    /// <summary>
    /// Hold the message (until cancelled) while the connection is down and send it after the reconnect, in publish order
    /// with every other held message and behind the QoS 1/2 messages libmosquitto resends. Cancelling a held message
    /// means it is never sent; DisconnectAsync and DisposeAsync fail the held ones.
    /// </summary>
    Wait,
}
