using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Edge.TestKit;

namespace Edge.Messaging.Tests.Interop;

/// <summary>
/// Round trips between our client and peers we did not write (MQTT.js, mosquitto_pub/mosquitto_sub), run once per
/// broker (the derived classes: mosquitto with MQTT 5, aedes with MQTT 3.1.1). MQTT 5 properties are checked
/// wherever the broker speaks MQTT 5.
/// </summary>
public abstract class InteropRoundTripTests
{
    private static readonly MqttUserProperty[] UserProperties = [new("store", "42"), new("trace", "a"), new("trace", "b"), new("ünï", "cödé ✓")];

    private static readonly byte[] Binary = [0, 1, 2, 127, 128, 254, 255];

    private protected abstract Task<IInteropBroker> StartBrokerAsync();

    [RequiresInteropPeersFact]
    public async Task PublishAsync_MqttJsSubscribed_ReceivesPayloadQosAndProperties()
    {
        await using var broker = await StartBrokerAsync();
        await using var peer = await MqttJsPeer.ConnectAsync(broker, "js-" + Guid.NewGuid().ToString("N")[..8]);
        await peer.SubscribeAsync("interop/in/#", qos: 2);
        await using var client = await TestClients.ConnectedAsync(broker.Uri, o => o.ProtocolVersion = broker.Version);
        var v5 = broker.Version == MqttProtocolVersion.V500;

        await client.PublishAsync(new MqttMessage("interop/in/q0", Binary) { Qos = MqttQualityOfService.AtMostOnce });
        var withProperties = MqttMessage.FromString("interop/in/q1", "{\"member\":7}") with
        {
            ContentType = "application/json",
            ResponseTopic = "interop/replies/x",
            CorrelationData = new byte[] { 0xc0, 0xff, 0xee },
            UserProperties = UserProperties,
        };
        await client.PublishAsync(v5 ? withProperties : new MqttMessage(withProperties.Topic, withProperties.Payload));
        await client.PublishAsync(MqttMessage.FromString("interop/in/q2", "exactly once", MqttQualityOfService.ExactlyOnce) with { PayloadIsUtf8 = v5 });

        var q0 = await peer.WaitForEventAsync("message", e => Topic(e) == "interop/in/q0");
        Assert.Equal(Convert.ToHexStringLower(Binary), q0.GetProperty("payloadHex").GetString());
        Assert.Equal(0, q0.GetProperty("qos").GetInt32());
        Assert.False(q0.GetProperty("retain").GetBoolean());

        var q1 = await peer.WaitForEventAsync("message", e => Topic(e) == "interop/in/q1");
        Assert.Equal("{\"member\":7}", q1.GetProperty("payload").GetString());
        Assert.Equal(1, q1.GetProperty("qos").GetInt32());
        if (v5)
        {
            Assert.Equal(UserProperties, MqttJsPeer.UserProperties(q1));
            Assert.Equal("application/json", q1.GetProperty("contentType").GetString());
            Assert.Equal("interop/replies/x", q1.GetProperty("responseTopic").GetString());
            Assert.Equal("c0ffee", q1.GetProperty("correlationData").GetString());
            Assert.True(q1.GetProperty("payloadIsUtf8").GetBoolean());
        }
        else
        {
            Assert.Empty(MqttJsPeer.UserProperties(q1));
        }

        var q2 = await peer.WaitForEventAsync("message", e => Topic(e) == "interop/in/q2");
        Assert.Equal("exactly once", q2.GetProperty("payload").GetString());
        Assert.Equal(2, q2.GetProperty("qos").GetInt32());
    }

    [RequiresInteropPeersFact]
    public async Task MqttJsPublishes_OurSubscriber_ReceivesPayloadQosAndProperties()
    {
        await using var broker = await StartBrokerAsync();
        await using var client = await TestClients.ConnectedAsync(broker.Uri, o => o.ProtocolVersion = broker.Version);
        await client.SubscribeAsync("interop/out/#", MqttQualityOfService.ExactlyOnce);
        await using var peer = await MqttJsPeer.ConnectAsync(broker, "js-" + Guid.NewGuid().ToString("N")[..8]);
        var v5 = broker.Version == MqttProtocolVersion.V500;

        await peer.PublishAsync(new JsonObject { ["topic"] = "interop/out/q0", ["payloadHex"] = Convert.ToHexStringLower(Binary), ["qos"] = 0 });
        var command = new JsonObject { ["topic"] = "interop/out/q1", ["payload"] = "hello from MQTT.js", ["qos"] = 1 };
        if (v5)
        {
            command["userProperties"] = MqttJsPeer.ToJson(UserProperties);
            command["contentType"] = "text/plain";
            command["responseTopic"] = "interop/replies/js";
            command["correlationData"] = "0102";
            command["payloadIsUtf8"] = true;
        }

        await peer.PublishAsync(command);
        await peer.PublishAsync(new JsonObject { ["topic"] = "interop/out/q2", ["payload"] = "twice acked", ["qos"] = 2 });

        var received = new Dictionary<string, MqttMessage>(StringComparer.Ordinal);
        while (received.Count < 3)
        {
            var message = await client.NextAsync();
            received.Add(message.Topic, message);
        }

        Assert.Equal(Binary, received["interop/out/q0"].Payload.ToArray());
        Assert.Equal(MqttQualityOfService.AtMostOnce, received["interop/out/q0"].Qos);

        var q1 = received["interop/out/q1"];
        Assert.Equal("hello from MQTT.js", q1.PayloadAsString());
        Assert.Equal(MqttQualityOfService.AtLeastOnce, q1.Qos);
        if (v5)
        {
            Assert.Equal(UserProperties, q1.UserProperties);
            Assert.Equal("text/plain", q1.ContentType);
            Assert.Equal("interop/replies/js", q1.ResponseTopic);
            Assert.Equal([1, 2], q1.CorrelationData.ToArray());
            Assert.True(q1.PayloadIsUtf8);
        }

        Assert.Equal("twice acked", received["interop/out/q2"].PayloadAsString());
        Assert.Equal(MqttQualityOfService.ExactlyOnce, received["interop/out/q2"].Qos);
    }

    [RequiresInteropPeersFact]
    public async Task PublishAsync_RetainedThenMqttJsSubscribes_GetsItWithRetainFlag()
    {
        await using var broker = await StartBrokerAsync();
        await using var client = await TestClients.ConnectedAsync(broker.Uri, o => o.ProtocolVersion = broker.Version);
        await client.PublishAsync(new MqttMessage("interop/retained/state", Encoding.UTF8.GetBytes("open")) { Retain = true });

        await using var peer = await MqttJsPeer.ConnectAsync(broker, "js-" + Guid.NewGuid().ToString("N")[..8]);
        await peer.SubscribeAsync("interop/retained/#");

        var message = await peer.WaitForEventAsync("message");
        Assert.Equal("interop/retained/state", Topic(message));
        Assert.Equal("open", message.GetProperty("payload").GetString());
        Assert.True(message.GetProperty("retain").GetBoolean());
    }

    [RequiresInteropPeersFact]
    public async Task PublishAsync_MosquittoSubSubscribed_PrintsPayloadAndUserProperties()
    {
        await using var broker = await StartBrokerAsync();
        var v5 = broker.Version == MqttProtocolVersion.V500;
        // stdbuf -oL: mosquitto_sub does not flush its debug lines into a pipe, and we wait for its SUBACK line.
        await using var sub = LineProcess.Start(
            MosquittoCli.Path("stdbuf"),
            ["-oL", MosquittoCli.Path("mosquitto_sub"), .. MosquittoCli.Connection(broker, "-t", "interop/sub/#", "-q", "2", "-C", "2", "-d", "-F", MosquittoCli.SubFormat)]);
        await sub.WaitForLineAsync(l => l.Contains("received SUBACK", StringComparison.Ordinal), "SUBACK");
        await using var client = await TestClients.ConnectedAsync(broker.Uri, o => o.ProtocolVersion = broker.Version);

        var first = new MqttMessage("interop/sub/a", Binary) { Qos = MqttQualityOfService.AtLeastOnce };
        await client.PublishAsync(v5 ? first with { ContentType = "application/octet-stream", UserProperties = [new("k", "v"), new("k", "w")] } : first);
        await client.PublishAsync(MqttMessage.FromString("interop/sub/b", "second", MqttQualityOfService.ExactlyOnce) with { PayloadIsUtf8 = v5 });

        var a = (await sub.WaitForLineAsync(l => l.StartsWith("MSG|interop/sub/a|", StringComparison.Ordinal), "message a")).Split('|');
        Assert.Equal(["1", "0", Convert.ToHexStringLower(Binary)], a[2..5]);
        Assert.Equal(v5 ? "application/octet-stream" : string.Empty, a[5]);
        Assert.Equal(v5 ? "k:v k:w" : string.Empty, a[7]);
        var b = (await sub.WaitForLineAsync(l => l.StartsWith("MSG|interop/sub/b|", StringComparison.Ordinal), "message b")).Split('|');
        Assert.Equal(["2", "0", Convert.ToHexStringLower("second"u8)], b[2..5]);
        Assert.Equal(0, await sub.WaitForExitAsync());
    }

    [RequiresInteropPeersFact]
    public async Task MosquittoPubPublishes_OurSubscriber_ReceivesPayloadAndUserProperties()
    {
        await using var broker = await StartBrokerAsync();
        var v5 = broker.Version == MqttProtocolVersion.V500;
        await using var client = await TestClients.ConnectedAsync(broker.Uri, o => o.ProtocolVersion = broker.Version);
        await client.SubscribeAsync("interop/pub/#", MqttQualityOfService.ExactlyOnce);

        string[] properties = v5
            ? ["-D", "publish", "user-property", "k", "v", "-D", "publish", "user-property", "k", "w", "-D", "publish", "content-type", "text/plain",
               "-D", "publish", "response-topic", "interop/replies/cli", "-D", "publish", "correlation-data", "c1"]
            : [];
        foreach (var qos in new[] { 0, 1, 2 })
        {
            var q = qos.ToString(CultureInfo.InvariantCulture);
            await using var pub = LineProcess.Start(
                MosquittoCli.Path("mosquitto_pub"),
                MosquittoCli.Connection(broker, ["-t", "interop/pub/q" + q, "-q", q, "-m", "from mosquitto_pub " + q, .. properties]));
            Assert.Equal(0, await pub.WaitForExitAsync());
        }

        var received = new Dictionary<string, MqttMessage>(StringComparer.Ordinal);
        while (received.Count < 3)
        {
            var message = await client.NextAsync();
            received.Add(message.Topic, message);
        }

        foreach (var qos in new[] { 0, 1, 2 })
        {
            var message = received["interop/pub/q" + qos.ToString(CultureInfo.InvariantCulture)];
            Assert.Equal("from mosquitto_pub " + qos.ToString(CultureInfo.InvariantCulture), message.PayloadAsString());
            Assert.Equal((MqttQualityOfService)qos, message.Qos);
            if (v5)
            {
                Assert.Equal([new("k", "v"), new("k", "w")], message.UserProperties);
                Assert.Equal("text/plain", message.ContentType);
                Assert.Equal("interop/replies/cli", message.ResponseTopic);
                Assert.Equal("c1"u8.ToArray(), message.CorrelationData.ToArray());
            }
            else
            {
                Assert.Empty(message.UserProperties);
            }
        }
    }

    private static string? Topic(JsonElement e) => e.GetProperty("topic").GetString();
}
