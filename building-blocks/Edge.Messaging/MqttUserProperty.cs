namespace Edge.Messaging;

/// <summary>An MQTT 5 user property (a UTF-8 string pair; names may repeat, order is kept).</summary>
public readonly record struct MqttUserProperty(string Name, string Value);
