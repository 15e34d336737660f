using System.Globalization;

namespace Edge.Messaging;

/// <summary>A parsed broker address: mqtt://host[:port] (default 1883) or mqtts://host[:port] (default 8883).</summary>
public sealed record MqttEndpoint(string Host, int Port, bool UseTls)
{
    public static MqttEndpoint Parse(string server)
    {
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new FormatException("The MQTT server address is empty; expected mqtt://host:port or mqtts://host:port.");
        }

        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri))
        {
            throw new FormatException($"'{server}' is not a valid URI; expected mqtt://host:port or mqtts://host:port.");
        }

        var useTls = uri.Scheme switch
        {
            "mqtt" or "tcp" => false,
            "mqtts" or "ssl" => true,
            _ => throw new FormatException($"'{server}' has scheme '{uri.Scheme}'; expected mqtt:// or mqtts://."),
        };

        if (string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException($"'{server}' has no host.");
        }

        if (uri.AbsolutePath is not ("/" or "") || uri.Query.Length > 0 || uri.UserInfo.Length > 0)
        {
            throw new FormatException($"'{server}' must be just scheme://host:port (credentials go in Username/Password).");
        }

        var port = uri.IsDefaultPort || uri.Port < 0 ? (useTls ? 8883 : 1883) : uri.Port;
        if (port is < 1 or > 65535)
        {
            throw new FormatException($"'{server}' has port {port.ToString(CultureInfo.InvariantCulture)}, outside 1-65535.");
        }

        // Uri keeps IPv6 hosts in brackets; getaddrinfo wants them bare.
        return new MqttEndpoint(uri.Host.Trim('[', ']'), port, useTls);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{(UseTls ? "mqtts" : "mqtt")}://{(Host.Contains(':', StringComparison.Ordinal) ? "[" + Host + "]" : Host)}:{Port}");
}
