using Edge.TestKit;

namespace Edge.Messaging.Tests.Interop;

/// <summary>
/// A fact that needs every peer the interop tests drive: mosquitto and its command-line clients (Debian mosquitto,
/// mosquitto-clients) and node with the mqtt-interop tool set (MQTT.js, aedes). Skips saying which one is missing.
/// </summary>
public sealed class RequiresInteropPeersFactAttribute : FactAttribute
{
    public RequiresInteropPeersFactAttribute()
    {
        Skip = ExternalTools.MissingReason("mosquitto", "mosquitto")
            ?? ExternalTools.MissingReason("mosquitto_pub", "mosquitto-clients")
            ?? ExternalTools.MissingReason("mosquitto_sub", "mosquitto-clients")
            ?? ExternalTools.MissingReason("mosquitto_rr", "mosquitto-clients")
            ?? NodeToolSet.MissingReason(MqttJsPeer.ToolSet, "mqtt", "aedes");
    }
}
