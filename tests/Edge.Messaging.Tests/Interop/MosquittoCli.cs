using System.Globalization;
using Edge.TestKit;

namespace Edge.Messaging.Tests.Interop;

/// <summary>Arguments for Debian's mosquitto_pub/mosquitto_sub/mosquitto_rr against an interop broker.</summary>
internal static class MosquittoCli
{
    /// <summary>One line per message: MSG|topic|qos|retain|payload hex|content type|response topic|user properties (k:v k:v).</summary>
    public const string SubFormat = "MSG|%t|%q|%r|%x|%C|%R|%P";

    public static string Path(string tool) => ExternalTools.Find(tool) ?? throw new InvalidOperationException(tool + " is not installed");

    public static string[] Connection(IInteropBroker broker, params string[] more) =>
    [
        "-h", "127.0.0.1",
        "-p", broker.Port.ToString(CultureInfo.InvariantCulture),
        "-V", broker.Version == MqttProtocolVersion.V500 ? "mqttv5" : "mqttv311",
        .. more,
    ];
}
