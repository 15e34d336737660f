namespace Edge.Messaging;

/// <summary>
/// What happens to a received message when <see cref="IMqttClient.Messages"/> is full. The network thread is
/// never blocked for long: blocking it would also stop keepalive pings and PUBACKs.
/// </summary>
public enum MqttInboundFullMode
{
    /// <summary>Drop the message that just arrived (default): what is queued keeps its order.</summary>
    DropNewest,

    /// <summary>Drop the oldest queued message to make room: the consumer sees the freshest state.</summary>
    DropOldest,
}
