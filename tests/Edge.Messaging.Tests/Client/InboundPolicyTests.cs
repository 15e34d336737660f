using Edge.TestKit;

namespace Edge.Messaging.Tests.Client;

public sealed class InboundPolicyTests
{
    [RequiresMosquittoFact]
    public async Task Messages_ConsumerTooSlowDropNewest_KeepsTheFirstAndCountsTheDropped()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var client = await TestClients.ConnectedAsync(broker.Uri, o => o.InboundCapacity = 10);
        await client.SubscribeAsync("burst/#");

        for (var i = 0; i < 30; i++)
        {
            await client.PublishAsync(MqttMessage.FromString("burst/x", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        // The marker is the 31st message: it is dropped too, so wait on the drop counter instead of a read.
        Assert.True(SpinWait.SpinUntil(() => client.DroppedInboundMessages == 20, TestClients.Timeout), $"dropped {client.DroppedInboundMessages}");
        var kept = new List<string>();
        while (client.Messages.TryRead(out var m))
        {
            kept.Add(m.PayloadAsString());
        }

        Assert.Equal(Enumerable.Range(0, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), kept);
    }

    [RequiresMosquittoFact]
    public async Task Messages_ConsumerTooSlowDropOldest_KeepsTheNewest()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var client = await TestClients.ConnectedAsync(broker.Uri, o =>
        {
            o.InboundCapacity = 10;
            o.InboundFullMode = MqttInboundFullMode.DropOldest;
        });
        await client.SubscribeAsync("burst/#");

        for (var i = 0; i < 30; i++)
        {
            await client.PublishAsync(MqttMessage.FromString("burst/x", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.True(SpinWait.SpinUntil(() => client.DroppedInboundMessages == 20, TestClients.Timeout), $"dropped {client.DroppedInboundMessages}");
        var kept = new List<string>();
        while (client.Messages.TryRead(out var m))
        {
            kept.Add(m.PayloadAsString());
        }

        Assert.Equal(Enumerable.Range(20, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), kept);
    }
}
