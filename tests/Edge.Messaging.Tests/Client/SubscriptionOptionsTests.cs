using Edge.TestKit;

namespace Edge.Messaging.Tests.Client;

public sealed class SubscriptionOptionsTests
{
    [RequiresMosquittoFact]
    public async Task SubscribeAsync_NoLocal_OwnMessagesAreNotEchoed()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var client = await TestClients.ConnectedAsync(broker.Uri);
        await using var other = await TestClients.ConnectedAsync(broker.Uri);
        await client.SubscribeAsync([new MqttSubscription("bridge/#") { NoLocal = true }]);

        await client.PublishAsync(MqttMessage.FromString("bridge/own", "mine"));
        await other.PublishAsync(MqttMessage.FromString("bridge/other", "theirs"));

        Assert.Equal("bridge/other", (await client.NextAsync()).Topic);
    }

    [RequiresMosquittoFact]
    public async Task SubscribeAsync_RetainHandlingDoNotSend_SkipsRetainedButDefaultGetsThem()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var publisher = await TestClients.ConnectedAsync(broker.Uri);
        await publisher.PublishAsync(MqttMessage.FromString("config/hub", "retained") with { Retain = true });
        await using var skipping = await TestClients.ConnectedAsync(broker.Uri);
        await using var getting = await TestClients.ConnectedAsync(broker.Uri);

        await skipping.SubscribeAsync([new MqttSubscription("config/#") { RetainHandling = MqttRetainHandling.DoNotSend }]);
        await getting.SubscribeAsync("config/#");
        var retained = await getting.NextAsync();
        await publisher.PublishAsync(MqttMessage.FromString("config/live", "live"));

        Assert.True(retained.Retain);
        Assert.Equal("retained", retained.PayloadAsString());
        Assert.Equal("config/live", (await skipping.NextAsync()).Topic);
    }

    [RequiresMosquittoFact]
    public async Task SubscribeAsync_SharedSubscription_EachMessageGoesToOneMemberOfTheGroup()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var a = await TestClients.ConnectedAsync(broker.Uri);
        await using var b = await TestClients.ConnectedAsync(broker.Uri);
        await using var publisher = await TestClients.ConnectedAsync(broker.Uri);
        await a.SubscribeAsync("$share/cloud/retail/v1/+/up/#");
        await b.SubscribeAsync("$share/cloud/retail/v1/+/up/#");

        const int count = 40;
        for (var i = 0; i < count; i++)
        {
            await publisher.PublishAsync(MqttMessage.FromString("retail/v1/7/up/presence", "e"));
        }

        // Nothing is duplicated and nothing lost; mosquitto round-robins, so both members get some.
        int fromA = 0, fromB = 0;
        while (fromA + fromB < count)
        {
            // WaitToReadAsync does not consume, so no message is lost to the losing side of WhenAny.
            await Task.WhenAny(a.Messages.WaitToReadAsync().AsTask(), b.Messages.WaitToReadAsync().AsTask()).WaitAsync(TestClients.Timeout);
            while (a.Messages.TryRead(out _))
            {
                fromA++;
            }

            while (b.Messages.TryRead(out _))
            {
                fromB++;
            }
        }

        Assert.Equal(count, fromA + fromB);
        Assert.True(fromA > 0 && fromB > 0, $"a got {fromA}, b got {fromB}");
    }

    [RequiresMosquittoFact]
    public async Task UnsubscribeAsync_AfterUnsubscribe_NoMoreMessages()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var client = await TestClients.ConnectedAsync(broker.Uri);
        await client.SubscribeAsync("u/a");
        await client.SubscribeAsync("u/b");

        await client.UnsubscribeAsync("u/a");
        await client.PublishAsync(MqttMessage.FromString("u/a", "gone"));
        await client.PublishAsync(MqttMessage.FromString("u/b", "here"));

        Assert.Equal("u/b", (await client.NextAsync()).Topic);
    }

    [RequiresMosquittoFact]
    public async Task PublishAsync_Qos2_RoundTrips()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var client = await TestClients.ConnectedAsync(broker.Uri);
        await client.SubscribeAsync("q2/#", MqttQualityOfService.ExactlyOnce);

        await client.PublishAsync(MqttMessage.FromString("q2/x", "exactly once", MqttQualityOfService.ExactlyOnce));

        var message = await client.NextAsync();
        Assert.Equal(MqttQualityOfService.ExactlyOnce, message.Qos);
    }
}
