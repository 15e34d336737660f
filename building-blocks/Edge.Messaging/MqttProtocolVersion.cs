namespace Edge.Messaging;

/// <summary>The values are the protocol level byte of CONNECT (MQTT 5 spec 3.1.2.2).</summary>
public enum MqttProtocolVersion
{
    V311 = 4,
    V500 = 5,
}
