namespace Edge.Messaging;

/// <summary>A connection state transition; <see cref="Reason"/> says why (a reason code or socket error) when known.</summary>
public sealed class MqttConnectionStateChangedEventArgs(MqttConnectionState previous, MqttConnectionState current, string? reason) : EventArgs
{
    public MqttConnectionState Previous { get; } = previous;

    public MqttConnectionState Current { get; } = current;

    public string? Reason { get; } = reason;
}
