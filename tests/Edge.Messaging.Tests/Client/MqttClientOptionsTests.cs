namespace Edge.Messaging.Tests.Client;

public sealed class MqttClientOptionsTests
{
    [Theory]
    [InlineData("mqtt://broker.local", "broker.local", 1883, false)]
    [InlineData("mqtts://broker.local", "broker.local", 8883, true)]
    [InlineData("mqtt://127.0.0.1:1884", "127.0.0.1", 1884, false)]
    [InlineData("mqtts://[::1]:9000", "::1", 9000, true)]
    [InlineData("tcp://h:1", "h", 1, false)]
    public void Parse_ValidUris_GivesHostPortAndTls(string uri, string host, int port, bool tls)
    {
        var endpoint = MqttEndpoint.Parse(uri);
        Assert.Equal(new MqttEndpoint(host, port, tls), endpoint);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("broker:1883", "scheme")]
    [InlineData("http://broker:1883", "scheme 'http'")]
    [InlineData("not a uri", "not a valid URI")]
    [InlineData("mqtt://user:pw@broker:1883", "credentials")]
    [InlineData("mqtt://broker:1883/path", "just scheme://host:port")]
    [InlineData("mqtt://broker:99999", "not a valid URI")]
    public void Parse_MalformedUris_ThrowFormatExceptionSayingWhy(string uri, string expected)
    {
        var e = Assert.Throws<FormatException>(() => MqttEndpoint.Parse(uri));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralMistakes_ListsThemAllInOneArgumentException()
    {
        var options = new MqttClientOptions
        {
            Server = "mqtts://broker",
            KeepAlive = TimeSpan.FromSeconds(1),
            InboundCapacity = 0,
            ClientCertificateFile = "/nonexistent/cert.pem",
            Password = "secret",
            Will = new MqttMessage("status/#", default),
            Reconnect = new MqttReconnectOptions { InitialDelay = TimeSpan.FromSeconds(5), MaxDelay = TimeSpan.FromSeconds(1), Jitter = 2 },
        };

        var e = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("KeepAlive", e.Message, StringComparison.Ordinal);
        Assert.Contains("InboundCapacity", e.Message, StringComparison.Ordinal);
        Assert.Contains("mqtts:// needs CaFile", e.Message, StringComparison.Ordinal);
        Assert.Contains("ClientCertificateFile and ClientKeyFile go together", e.Message, StringComparison.Ordinal);
        Assert.Contains("Password without Username", e.Message, StringComparison.Ordinal);
        Assert.Contains("Will topic", e.Message, StringComparison.Ordinal);
        Assert.Contains("Reconnect.MaxDelay", e.Message, StringComparison.Ordinal);
        Assert.Contains("Reconnect.Jitter", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, MqttProtocolVersion.V500)]
    [InlineData(true, MqttProtocolVersion.V311)]
    public void Validate_PublishWillOnDisconnectWithoutWillOrMqtt5_Refused(bool withWill, MqttProtocolVersion protocol)
    {
        var options = new MqttClientOptions
        {
            ProtocolVersion = protocol,
            Will = withWill ? MqttMessage.FromString("status/hub", "offline") : null,
            PublishWillOnDisconnect = true,
        };
        var e = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains("PublishWillOnDisconnect needs a Will and MQTT 5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SessionExpiryWithMqtt311_Refused()
    {
        var options = new MqttClientOptions { ProtocolVersion = MqttProtocolVersion.V311, SessionExpiry = TimeSpan.FromHours(1) };
        var e = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains("SessionExpiry needs MQTT 5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_AreValid() => new MqttClientOptions().Validate();
}
