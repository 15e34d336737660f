namespace Edge.Messaging;

public enum MqttConnectionState
{
    /// <summary>Never connected, or disconnected on request, or the first connect failed.</summary>
    Disconnected,

    /// <summary>The first connection attempt is in progress.</summary>
    Connecting,

    Connected,

    /// <summary>The connection was lost; the client is waiting out its backoff or reconnecting.</summary>
    Reconnecting,

    Disposed,
}
