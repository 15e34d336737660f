namespace Edge.Messaging;

/// <summary>MQTT 5 subscription option "Retain Handling" (spec 3.8.3.1).</summary>
public enum MqttRetainHandling
{
    SendAtSubscribe = 0,
    SendAtSubscribeIfNew = 1,
    DoNotSend = 2,
}
