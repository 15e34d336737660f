using Edge.TestKit;

namespace Edge.Messaging.Tests.Client;

public sealed class RoundTripTests
{
    [RequiresMosquittoFact]
    public async Task PublishAsync_Qos0AndQos1ToOwnSubscription_ArriveWithPayloadAndProperties()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var client = await TestClients.ConnectedAsync(broker.Uri);
        var granted = await client.SubscribeAsync("store/+/presence/#", MqttQualityOfService.AtLeastOnce);
        Assert.Equal([MqttQualityOfService.AtLeastOnce], granted);

        var qos0 = await client.PublishAsync(new MqttMessage("store/42/presence/in", new byte[] { 0, 1, 2, 255 }) { Qos = MqttQualityOfService.AtMostOnce });
        var first = await client.NextAsync();
        Assert.Equal("store/42/presence/in", first.Topic);
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, first.Payload.ToArray());
        Assert.Equal(MqttQualityOfService.AtMostOnce, first.Qos);
        Assert.Equal(0, qos0.ReasonCode);

        var qos1 = await client.PublishAsync(MqttMessage.FromString("store/42/presence/out", "{\"member\":7}") with
        {
            ContentType = "application/json",
            MessageExpiry = TimeSpan.FromSeconds(60),
            UserProperties = [new("idempotency-key", "abc"), new("seq", "1"), new("seq", "2")],
        });
        Assert.Equal(0, qos1.ReasonCode);
        var second = await client.NextAsync();
        Assert.Equal("{\"member\":7}", second.PayloadAsString());
        Assert.Equal(MqttQualityOfService.AtLeastOnce, second.Qos);
        Assert.Equal("application/json", second.ContentType);
        Assert.True(second.PayloadIsUtf8);
        Assert.NotNull(second.MessageExpiry);
        Assert.Equal([new("idempotency-key", "abc"), new("seq", "1"), new("seq", "2")], second.UserProperties);
    }

    [RequiresMosquittoFact]
    public async Task PublishAsync_NoSubscriber_CompletesWithReasonNoMatchingSubscribers()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var client = await TestClients.ConnectedAsync(broker.Uri);

        var result = await client.PublishAsync("nobody/listens", "x"u8.ToArray(), MqttQualityOfService.AtLeastOnce);

        // MQTT 5 PUBACK reason 16 "No matching subscribers" is a success code (spec 3.4.2.1).
        Assert.Equal(16, result.ReasonCode);
    }
}
