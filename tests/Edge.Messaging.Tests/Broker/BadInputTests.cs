using Edge.TestKit;
using Xunit.Abstractions;

namespace Edge.Messaging.Tests.Broker;

/// <summary>Bad input gets a clear exception before anything is sent (or the broker's reason after), and the client stays usable.</summary>
public sealed class BadInputTests(ITestOutputHelper output)
{
    [RequiresMosquittoFact]
    public async Task PublishAsync_InvalidTopics_ThrowBeforeSendingAndClientStaysUsable()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var client = await TestClients.ConnectedAsync(broker.Uri);
        await client.SubscribeAsync("ok/#");

        // Tried: wildcards in a topic name, an empty topic, a NUL, 65,536 bytes, a wildcard response topic, QoS 3,
        // correlation data over 65,535 bytes.
        string[] badTopics = ["store/+/presence", "store/#", "", "a\0b", new string('t', 65536)];
        foreach (var topic in badTopics)
        {
            var e = await Assert.ThrowsAsync<ArgumentException>(() => client.PublishAsync(MqttMessage.FromString(topic, "x")));
            output.WriteLine(e.Message);
        }

        await Assert.ThrowsAsync<ArgumentException>(() => client.PublishAsync(MqttMessage.FromString("ok/a", "x") with { ResponseTopic = "reply/+" }));
        await Assert.ThrowsAsync<ArgumentException>(() => client.PublishAsync(MqttMessage.FromString("ok/a", "x") with { Qos = (MqttQualityOfService)3 }));
        await Assert.ThrowsAsync<ArgumentException>(() => client.PublishAsync(MqttMessage.FromString("ok/a", "x") with { CorrelationData = new byte[65536] }));

        await client.PublishAsync(MqttMessage.FromString("ok/after", "fine"));
        var next = await client.NextAsync();
        Assert.Equal("ok/after", next.Topic);
    }

    [RequiresMosquittoFact]
    public async Task SubscribeAsync_InvalidFilters_ThrowBeforeSending()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var client = await TestClients.ConnectedAsync(broker.Uri);

        foreach (var filter in new[] { "a/#/b", "a+", "", "$share/g", "$share//x" })
        {
            await Assert.ThrowsAsync<ArgumentException>(() => client.SubscribeAsync(filter));
        }

        Assert.Equal([MqttQualityOfService.AtLeastOnce], await client.SubscribeAsync("a/+/b"));
    }

    [RequiresMosquittoFact]
    public async Task PublishAsync_PayloadOverTheBrokersMaximumPacketSize_ThrowsOversizeAndClientStaysUsable()
    {
        // mosquitto advertises max_packet_size in CONNACK (MQTT 5), so libmosquitto refuses before sending.
        await using var broker = await MosquittoBroker.StartAsync(["max_packet_size 1024"]);
        await using var client = await TestClients.ConnectedAsync(broker.Uri);
        await client.SubscribeAsync("big/#");

        var e = await Assert.ThrowsAsync<MqttException>(() => client.PublishAsync("big/one", new byte[4096]));
        output.WriteLine(e.Message);

        Assert.Equal(25, e.LibraryError); // MOSQ_ERR_OVERSIZE_PACKET
        Assert.Contains("big/one", e.Message, StringComparison.Ordinal);
        await client.PublishAsync("big/small", new byte[100]);
        Assert.Equal("big/small", (await client.NextAsync()).Topic);
        Assert.Equal(MqttConnectionState.Connected, client.State);
    }

    [RequiresMosquittoFact]
    public async Task PublishAsync_PayloadOverTheBrokersMessageSizeLimitMqtt311_BrokerDropsItAndClientStaysUsable()
    {
        // MQTT 3.1.1 has no way to advertise a limit; mosquitto's message_size_limit drops the message silently
        // (PUBACK is still sent). This states what a caller can and cannot learn.
        await using var broker = await MosquittoBroker.StartAsync(["message_size_limit 1024"]);
        await using var client = await TestClients.ConnectedAsync(broker.Uri, o => o.ProtocolVersion = MqttProtocolVersion.V311);
        await client.SubscribeAsync("big/#");

        await client.PublishAsync("big/one", new byte[4096]);
        await client.PublishAsync("big/small", new byte[10]);

        Assert.Equal("big/small", (await client.NextAsync()).Topic);
    }

    [RequiresMosquittoFact]
    public async Task ConnectAsync_NothingListening_ThrowsWithEndpointAndSocketErrorThenConnectsOnceTheBrokerIsThere()
    {
        var port = FreePort.Next();
        await using var client = TestClients.Create($"mqtt://127.0.0.1:{port}");

        var e = await Assert.ThrowsAsync<MqttException>(() => client.ConnectAsync().WaitAsync(TestClients.Timeout));
        output.WriteLine(e.Message);

        Assert.Contains($"mqtt://127.0.0.1:{port}", e.Message, StringComparison.Ordinal);
        Assert.Contains("Connection refused", e.Message, StringComparison.Ordinal);
        Assert.Equal(MqttConnectionState.Disconnected, client.State);

        await using var broker = await MosquittoBroker.StartAsync(port: port);
        await client.ConnectAsync().WaitAsync(TestClients.Timeout);
        Assert.Equal(MqttConnectionState.Connected, client.State);
    }

    [Fact]
    public void Create_MalformedUri_ThrowsArgumentExceptionNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => new MqttClientFactory().Create(new MqttClientOptions { Server = "mqtt//no-scheme" }));
        Assert.Contains("mqtt//no-scheme", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_NeverConnectedFailFast_ThrowsNotConnected()
    {
        await using var client = TestClients.Create("mqtt://127.0.0.1:1");
        var e = await Assert.ThrowsAsync<MqttException>(() => client.PublishAsync(MqttMessage.FromString("a", "b")));
        Assert.Equal(MqttException.NotConnected, e.LibraryError);
    }

    [Fact]
    public async Task PublishAsync_V5PropertiesOverMqtt311_ThrowsBeforeSending()
    {
        await using var client = TestClients.Create("mqtt://127.0.0.1:1", o => o.ProtocolVersion = MqttProtocolVersion.V311);
        var e = await Assert.ThrowsAsync<ArgumentException>(() => client.PublishAsync(new MqttMessage("a", default) { UserProperties = [new("k", "v")] }));
        Assert.Contains("3.1.1", e.Message, StringComparison.Ordinal);
    }
}
