using System.Net;
using System.Net.Sockets;
using Edge.TestKit;
using Xunit.Abstractions;

namespace Edge.Messaging.Tests.Broker;

/// <summary>
/// The rest of the issue's bad-input list (BadInputTests has the first part): empty topic levels where MQTT allows
/// and where it forbids them, the 65,535-byte limit on filters and on MQTT 5 strings, malformed server addresses,
/// and an address where something other than an MQTT broker answers. Each time the client stays usable.
/// </summary>
public sealed class BadInputMoreTests(ITestOutputHelper output)
{
    [RequiresMosquittoFact]
    public async Task PublishAndSubscribe_EmptyLevels_AllowedWhereTheSpecAllowsRefusedWhereItForbids()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var client = await TestClients.ConnectedAsync(broker.Uri);

        // Spec 4.7.1.1: empty levels are valid in names and filters ("a//b", "/a", "a/"); "+" matches an empty level.
        await client.SubscribeAsync("store/+/presence");
        await client.SubscribeAsync("/leading");
        await client.SubscribeAsync("trailing/");
        foreach (var topic in new[] { "store//presence", "/leading", "trailing/" })
        {
            await client.PublishAsync(MqttMessage.FromString(topic, topic));
            Assert.Equal(topic, (await client.NextAsync()).Topic);
        }

        // Forbidden: an empty topic name, an empty share name, an empty filter after the share name (spec 4.7.3, 4.8.2).
        await Assert.ThrowsAsync<ArgumentException>(() => client.PublishAsync(MqttMessage.FromString(string.Empty, "x")));
        foreach (var filter in new[] { string.Empty, "$share//store/+", "$share/group/" })
        {
            var e = await Assert.ThrowsAsync<ArgumentException>(() => client.SubscribeAsync(filter));
            output.WriteLine(e.Message);
        }

        await client.PublishAsync(MqttMessage.FromString("store/7/presence", "still fine"));
        Assert.Equal("still fine", (await client.NextAsync()).PayloadAsString());
    }

    [RequiresMosquittoFact]
    public async Task PublishAndSubscribe_StringsOver65535Bytes_ThrowBeforeSendingAndClientStaysUsable()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var client = await TestClients.ConnectedAsync(broker.Uri);
        await client.SubscribeAsync("ok/#");

        // 21,846 three-byte characters: under 65,535 characters, over 65,535 bytes.
        var longTopic = new string('€', 21846);
        await Assert.ThrowsAsync<ArgumentException>(() => client.PublishAsync(MqttMessage.FromString(longTopic, "x")));
        await Assert.ThrowsAsync<ArgumentException>(() => client.SubscribeAsync(new string('f', 65536)));
        await Assert.ThrowsAsync<ArgumentException>(() => client.SubscribeAsync(longTopic + "/#"));

        // MQTT 5 string properties have the same two-byte length prefix (spec 1.5.4, 1.5.7).
        Exception[] errors =
        [
            await Record.ExceptionAsync(() => client.PublishAsync(MqttMessage.FromString("ok/a", "x") with { UserProperties = [new("k", new string('v', 65536))] })),
            await Record.ExceptionAsync(() => client.PublishAsync(MqttMessage.FromString("ok/a", "x") with { UserProperties = [new(new string('k', 65536), "v")] })),
            await Record.ExceptionAsync(() => client.PublishAsync(MqttMessage.FromString("ok/a", "x") with { ContentType = new string('c', 65536) })),
            await Record.ExceptionAsync(() => client.PublishAsync(MqttMessage.FromString("ok/a", "x") with { ResponseTopic = new string('r', 65536) })),
        ];
        foreach (var error in errors)
        {
            output.WriteLine(error?.ToString() ?? "(no exception)");
            Assert.True(error is ArgumentException, $"expected ArgumentException, got {error?.GetType().Name ?? "none"}");
            Assert.Contains("ok/a", error!.Message, StringComparison.Ordinal);
        }

        await client.PublishAsync(MqttMessage.FromString("ok/after", "fine"));
        Assert.Equal("ok/after", (await client.NextAsync()).Topic);
        Assert.Equal(MqttConnectionState.Connected, client.State);

        // The same limit on the will, at option validation.
        var willError = Assert.Throws<ArgumentException>(() => new MqttClientFactory().Create(new MqttClientOptions
        {
            Server = broker.Uri,
            Will = MqttMessage.FromString("ok/will", "gone") with { UserProperties = [new("k", new string('v', 65536))] },
        }));
        Assert.Contains("Will user property 'k'", willError.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("127.0.0.1:1883")]
    [InlineData("http://127.0.0.1:1883")]
    [InlineData("mqtt://")]
    [InlineData("mqtt://127.0.0.1:0")]
    [InlineData("mqtt://127.0.0.1:65536")]
    [InlineData("mqtt://user:secret@127.0.0.1")]
    [InlineData("mqtt://127.0.0.1/topic")]
    [InlineData("mqtt://127.0.0.1?x=1")]
    public void Create_MalformedServer_ThrowsArgumentExceptionNamingServer(string server)
    {
        var e = Assert.Throws<ArgumentException>(() => new MqttClientFactory().Create(new MqttClientOptions { Server = server }));
        output.WriteLine(e.Message);
        Assert.Contains("Invalid MQTT client options", e.Message, StringComparison.Ordinal);
        if (server.Length > 0)
        {
            Assert.Contains(server, e.Message, StringComparison.Ordinal);
        }
    }

    [RequiresMosquittoFact]
    public async Task ConnectAsync_SomethingElseAnswers_ThrowsNamingTheEndpointAndCanTryAgain()
    {
        // An HTTP-ish server: it answers every connection with text that is not a CONNACK and closes.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var stop = new CancellationTokenSource();
        var serving = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var socket = await listener.AcceptSocketAsync(stop.Token);
                await socket.SendAsync("HTTP/1.1 400 Bad Request\r\n\r\n"u8.ToArray(), SocketFlags.None, stop.Token);
                socket.Shutdown(SocketShutdown.Both);
            }
        });
        await using var client = TestClients.Create($"mqtt://127.0.0.1:{port}");

        for (var attempt = 0; attempt < 2; attempt++)
        {
            var e = await Assert.ThrowsAsync<MqttException>(() => client.ConnectAsync().WaitAsync(TestClients.Timeout));
            output.WriteLine(e.Message);
            Assert.Contains($"127.0.0.1:{port}", e.Message, StringComparison.Ordinal);
            Assert.Equal(MqttConnectionState.Disconnected, client.State);
        }

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => serving);
    }

    [RequiresMosquittoFact]
    public async Task ConnectAsync_ListenerThatNeverAnswers_CancelsCleanlyAndClientCanBeDisposed()
    {
        // Accepts TCP and stays silent: no CONNACK ever. The caller's token is the way out.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var client = TestClients.Create($"mqtt://127.0.0.1:{port}");

        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ConnectAsync(cts.Token));
        Assert.Equal(MqttConnectionState.Disconnected, client.State);

        await client.DisposeAsync().AsTask().WaitAsync(TestClients.Timeout);
        Assert.Equal(MqttConnectionState.Disposed, client.State);
    }
}
