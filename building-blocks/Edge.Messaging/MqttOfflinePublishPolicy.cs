namespace Edge.Messaging;

/// <summary>
/// What <see cref="IMqttClient.PublishAsync"/> does while the client is not connected. Durable buffering across
/// restarts is not this library's job (cloud-sync keeps its own disk outbox).
/// </summary>
public enum MqttOfflinePublishPolicy
{
    /// <summary>Throw <see cref="MqttException"/> at once with <see cref="MqttException.NotConnected"/>; nothing is queued.</summary>
    FailFast,

    /// <summary>Wait (until cancelled) for the connection to come back, then publish.</summary>
    Wait,
}
