using Edge.TestKit;

namespace Edge.Messaging.Tests.Broker;

public sealed class PersistentSessionTests
{
    [RequiresMosquittoFact]
    public async Task PersistentSession_MessagesPublishedWhileOffline_DeliveredWhenTheClientReturns()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        void Persistent(MqttClientOptions o)
        {
            o.ClientId = "cloud-sync-persistent";
            o.CleanStart = false;
            o.SessionExpiry = TimeSpan.FromHours(1);
        }

        await using (var first = await TestClients.ConnectedAsync(broker.Uri, Persistent))
        {
            await first.SubscribeAsync("retail/v1/42/down/#", MqttQualityOfService.AtLeastOnce);
        }

        await using (var publisher = await TestClients.ConnectedAsync(broker.Uri))
        {
            for (var i = 0; i < 5; i++)
            {
                await publisher.PublishAsync(MqttMessage.FromString("retail/v1/42/down/offers", $"offer {i}"));
            }
        }

        // A new client object with the same id, as after a process restart: it has no subscriptions of its own,
        // the broker's session carries them and the five queued messages.
        await using var returning = await TestClients.ConnectedAsync(broker.Uri, Persistent);
        var received = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            received.Add((await returning.NextAsync()).PayloadAsString());
        }

        Assert.Equal(["offer 0", "offer 1", "offer 2", "offer 3", "offer 4"], received);
    }
}
