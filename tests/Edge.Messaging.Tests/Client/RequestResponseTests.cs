using Edge.TestKit;

namespace Edge.Messaging.Tests.Client;

public sealed class RequestResponseTests
{
    [RequiresMosquittoFact]
    public async Task RequestAsync_ResponderAnswers_ReturnsTheResponseWithCorrelationData()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var responder = await TestClients.ConnectedAsync(broker.Uri);
        await using var requester = await TestClients.ConnectedAsync(broker.Uri);
        await responder.SubscribeAsync("retail/v1/42/cmd/+");
        using var stop = new CancellationTokenSource();
        var serving = Task.Run(async () =>
        {
            await foreach (var request in responder.Messages.ReadAllAsync(stop.Token))
            {
                await responder.RespondAsync(request, System.Text.Encoding.UTF8.GetBytes("pong:" + request.PayloadAsString()));
            }
        });

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            requester.RequestAsync(MqttMessage.FromString("retail/v1/42/cmd/ping", i.ToString(System.Globalization.CultureInfo.InvariantCulture)), TimeSpan.FromSeconds(10))));

        // Concurrent requests each get their own answer: correlation data keeps them apart.
        Assert.Equal(Enumerable.Range(0, 20).Select(i => "pong:" + i), responses.Select(r => r.PayloadAsString()));
        Assert.All(responses, r => Assert.Equal(16, r.CorrelationData.Length));
        Assert.Equal(0, requester.Messages.Count);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => serving);
    }

    [RequiresMosquittoFact]
    public async Task RequestAsync_NobodyAnswers_ThrowsTimeoutExceptionNamingTheTopics()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var requester = await TestClients.ConnectedAsync(broker.Uri);

        var e = await Assert.ThrowsAsync<TimeoutException>(() =>
            requester.RequestAsync(MqttMessage.FromString("retail/v1/42/cmd/nobody", "?"), TimeSpan.FromMilliseconds(300)));

        Assert.Contains("retail/v1/42/cmd/nobody", e.Message, StringComparison.Ordinal);
        Assert.Contains(requester.ResponseTopic, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestAsync_Mqtt311_NotSupported()
    {
        await using var client = TestClients.Create("mqtt://127.0.0.1:1", o => o.ProtocolVersion = MqttProtocolVersion.V311);
        await Assert.ThrowsAsync<NotSupportedException>(() => client.RequestAsync(MqttMessage.FromString("a", "b"), TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void CreateResponse_MessageWithoutResponseTopic_ThrowsInvalidOperation() =>
        Assert.Throws<InvalidOperationException>(() => MqttMessage.FromString("a", "b").CreateResponse(default));
}
