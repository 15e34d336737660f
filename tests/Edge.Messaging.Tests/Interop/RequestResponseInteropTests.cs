using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Edge.Messaging.Tests.Interop;

/// <summary>MQTT 5 request/response with peers we did not write, both ways (mosquitto only: aedes lacks MQTT 5).</summary>
public sealed class RequestResponseInteropTests
{
    [RequiresInteropPeersFact]
    public async Task RequestAsync_MqttJsResponds_ReturnsEachAnswerWithItsCorrelationAndUserProperties()
    {
        await using var broker = await MosquittoInteropBroker.StartAsync();
        await using var responder = await MqttJsPeer.ConnectAsync(broker, "js-responder");
        await responder.RespondAsync("interop/cmd/+");
        await using var requester = await TestClients.ConnectedAsync(broker.Uri);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            requester.RequestAsync(
                MqttMessage.FromString("interop/cmd/ping", i.ToString(CultureInfo.InvariantCulture)) with { UserProperties = [new("attempt", i.ToString(CultureInfo.InvariantCulture))] },
                TestClients.Timeout)));

        for (var i = 0; i < responses.Length; i++)
        {
            Assert.Equal("pong:" + i.ToString(CultureInfo.InvariantCulture), responses[i].PayloadAsString());
            Assert.Equal(i.ToString(CultureInfo.InvariantCulture), responses[i].GetUserProperty("attempt"));
            Assert.Equal("mqtt.js", responses[i].GetUserProperty("responder"));
            Assert.Equal(requester.ResponseTopic, responses[i].Topic);
            Assert.Equal(16, responses[i].CorrelationData.Length);
        }

        // Responses are consumed by RequestAsync and never leak into Messages.
        Assert.Equal(0, requester.Messages.Count);
    }

    [RequiresInteropPeersFact]
    public async Task MqttJsRequests_OurClientResponds_ItGetsTheAnswerWithItsCorrelationData()
    {
        await using var broker = await MosquittoInteropBroker.StartAsync();
        await using var responder = await TestClients.ConnectedAsync(broker.Uri);
        await responder.SubscribeAsync("interop/cmd/+");
        using var stop = new CancellationTokenSource();
        var serving = ServeAsync(responder, stop.Token);
        await using var requester = await MqttJsPeer.ConnectAsync(broker, "js-requester");

        await requester.SendAsync(new JsonObject
        {
            ["op"] = "request",
            ["topic"] = "interop/cmd/status",
            ["responseTopic"] = "interop/replies/js-requester",
            ["correlationData"] = "0badc0de",
            ["payload"] = "are you there?",
            ["qos"] = 1,
            ["userProperties"] = MqttJsPeer.ToJson([new("from", "mqtt.js")]),
        });

        var response = await requester.WaitForEventAsync("response");
        Assert.Equal("interop/replies/js-requester", response.GetProperty("topic").GetString());
        Assert.Equal("0badc0de", response.GetProperty("correlationData").GetString());
        Assert.Equal("ours:are you there?", response.GetProperty("payload").GetString());
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => serving);
    }

    [RequiresInteropPeersFact]
    public async Task MosquittoRrRequests_OurClientResponds_PrintsTheAnswer()
    {
        await using var broker = await MosquittoInteropBroker.StartAsync();
        await using var responder = await TestClients.ConnectedAsync(broker.Uri);
        await responder.SubscribeAsync("interop/cmd/+");
        using var stop = new CancellationTokenSource();
        var serving = ServeAsync(responder, stop.Token);

        // mosquitto_rr (mosquitto-clients) subscribes to -e, publishes with response topic and waits for one answer.
        await using var rr = LineProcess.Start(
            MosquittoCli.Path("mosquitto_rr"),
            MosquittoCli.Connection(broker, "-t", "interop/cmd/rr", "-e", "interop/replies/rr", "-m", "ping", "-q", "1", "-W", "10"));
        await rr.WaitForLineAsync(l => l == "ours:ping", "the response payload");
        Assert.Equal(0, await rr.WaitForExitAsync());
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => serving);
    }

    /// <summary>Answers every request with "ours:" + payload (to its response topic, with its correlation data).</summary>
    private static Task ServeAsync(IMqttClient responder, CancellationToken cancellationToken) => Task.Run(
        async () =>
        {
            await foreach (var request in responder.Messages.ReadAllAsync(cancellationToken))
            {
                await responder.RespondAsync(request, Encoding.UTF8.GetBytes("ours:" + request.PayloadAsString()), cancellationToken);
            }
        },
        CancellationToken.None);
}
