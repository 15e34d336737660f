namespace Edge.Messaging.Native;

/// <summary>MQTT 5 property identifiers (spec 2.2.2.2; mqtt_protocol.h enum mqtt5_property).</summary>
internal static class MqttPropertyId
{
    public const int PayloadFormatIndicator = 1;
    public const int MessageExpiryInterval = 2;
    public const int ContentType = 3;
    public const int ResponseTopic = 8;
    public const int CorrelationData = 9;
    public const int SessionExpiryInterval = 17;
    public const int ReasonString = 31;
    public const int UserProperty = 38;
}
