namespace Edge.Messaging;

/// <summary>
/// The outcome of a successful publish: reason code 0 (success) or 16 (no matching subscribers, MQTT 5),
/// and the packet identifier libmosquitto used.
/// </summary>
public sealed record MqttPublishResult(int ReasonCode, int MessageId);
