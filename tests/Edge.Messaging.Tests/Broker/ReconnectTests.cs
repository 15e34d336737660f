using Edge.TestKit;

namespace Edge.Messaging.Tests.Broker;

public sealed class ReconnectTests
{
    [RequiresMosquittoFact]
    public async Task Reconnect_BrokerRestarted_ClientReconnectsAndSubscriptionsAreRestored()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var client = await TestClients.ConnectedAsync(broker.Uri);
        await client.SubscribeAsync("espresense/#");
        await client.SubscribeAsync("hub/cmd/+", MqttQualityOfService.AtMostOnce);
        var states = new List<MqttConnectionState>();
        client.StateChanged += (_, e) =>
        {
            lock (states)
            {
                states.Add(e.Current);
            }
        };

        var lost = client.WaitForStateAsync(MqttConnectionState.Reconnecting);
        await broker.StopAsync();
        await lost;
        var back = client.WaitForStateAsync(MqttConnectionState.Connected);
        await broker.StartAsync();
        await back;

        // A clean-start client gets no session back: both filters must have been re-sent by us.
        await using var publisher = await TestClients.ConnectedAsync(broker.Uri);
        await publisher.PublishAsync(MqttMessage.FromString("espresense/rooms/kitchen", "{\"id\":\"x\"}"));
        await publisher.PublishAsync(MqttMessage.FromString("hub/cmd/reboot", "now"));
        Assert.Equal("espresense/rooms/kitchen", (await client.NextAsync()).Topic);
        Assert.Equal("hub/cmd/reboot", (await client.NextAsync()).Topic);
        lock (states)
        {
            Assert.Equal([MqttConnectionState.Reconnecting, MqttConnectionState.Connected], states);
        }
    }

    [RequiresMosquittoFact]
    public async Task Reconnect_Backoff_WaitsOnTheInjectedClockBeforeReconnecting()
    {
        var clock = new FakeTimeProvider();
        await using var broker = await MosquittoBroker.StartAsync();
        await using var client = TestClients.Create(broker.Uri, time: clock);
        await client.ConnectAsync().WaitAsync(TestClients.Timeout);

        var lost = client.WaitForStateAsync(MqttConnectionState.Reconnecting);
        await broker.StopAsync();
        await lost;
        await broker.StartAsync();

        // The network thread is parked on the fake clock's timer: nothing happens until the test moves time.
        Assert.True(SpinWait.SpinUntil(() => clock.ActiveTimers > 0, TestClients.Timeout), "the backoff never armed a timer");
        Assert.Equal(MqttConnectionState.Reconnecting, client.State);

        var back = client.WaitForStateAsync(MqttConnectionState.Connected);
        clock.Advance(TimeSpan.FromSeconds(1));
        await back;
    }

    [RequiresMosquittoFact]
    public async Task PublishAsync_OfflineFailFast_ThrowsNotConnectedAndNothingIsSentLater()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var client = await TestClients.ConnectedAsync(broker.Uri);
        var lost = client.WaitForStateAsync(MqttConnectionState.Reconnecting);
        await broker.StopAsync();
        await lost;

        var e = await Assert.ThrowsAsync<MqttException>(() => client.PublishAsync(MqttMessage.FromString("offline/topic", "x") with { Retain = true }));

        Assert.Equal(MqttException.NotConnected, e.LibraryError);
        Assert.Contains(broker.Uri, e.Message, StringComparison.Ordinal);

        var back = client.WaitForStateAsync(MqttConnectionState.Connected);
        await broker.StartAsync();
        await back;
        await using var reader = await TestClients.ConnectedAsync(broker.Uri);
        await reader.SubscribeAsync("offline/#");
        await reader.PublishAsync(MqttMessage.FromString("offline/marker", "m"));

        // Had the failed publish been queued, its retained copy would be delivered before the marker.
        Assert.Equal("offline/marker", (await reader.NextAsync()).Topic);
    }

    [RequiresMosquittoFact]
    public async Task PublishAsync_OfflineWait_CompletesAfterTheBrokerIsBack()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var client = await TestClients.ConnectedAsync(broker.Uri, o => o.OfflinePublish = MqttOfflinePublishPolicy.Wait);
        var lost = client.WaitForStateAsync(MqttConnectionState.Reconnecting);
        await broker.StopAsync();
        await lost;

        var publish = client.PublishAsync(MqttMessage.FromString("waited/topic", "kept") with { Retain = true });
        Assert.False(publish.IsCompleted);
        await broker.StartAsync();
        await publish.WaitAsync(TestClients.Timeout);

        await using var reader = await TestClients.ConnectedAsync(broker.Uri);
        await reader.SubscribeAsync("waited/#");
        var message = await reader.NextAsync();
        Assert.Equal("kept", message.PayloadAsString());
    }

    [RequiresMosquittoFact]
    public async Task PublishAsync_OfflineWaitManyAtOnce_ArriveInPublishOrderAfterTheReconnect()
    {
        // 400 QoS 1 publishes started together while the broker is down. Parked in .NET until the connection was back,
        // they were resumed together on the thread pool and reached libmosquitto in any order; handed over at once,
        // libmosquitto keeps them in publish order.
        const int count = 400;
        await using var broker = await MosquittoBroker.StartAsync(["max_queued_messages 10000"]);
        await using (var subscriber = await TestClients.ConnectedAsync(broker.Uri, PersistentSession("ordered-reader")))
        {
            await subscriber.SubscribeAsync("ordered/#");
            await subscriber.DisconnectAsync();
        }

        await using var client = await TestClients.ConnectedAsync(broker.Uri, o => o.OfflinePublish = MqttOfflinePublishPolicy.Wait);
        var lost = client.WaitForStateAsync(MqttConnectionState.Reconnecting);
        await broker.StopAsync();
        await lost;

        // More pool threads than this 2-core machine's default, so that waiters resumed together really race (with
        // 8 the old code reordered in 5 of 6 runs; with the default 2, rarely).
        ThreadPool.GetMinThreads(out var workers, out var ports);
        ThreadPool.SetMinThreads(Math.Max(workers, 8), ports);
        try
        {
            var publishes = Enumerable.Range(0, count)
                .Select(i => client.PublishAsync(MqttMessage.FromString("ordered/topic", i.ToString(System.Globalization.CultureInfo.InvariantCulture))))
                .ToList();
            await broker.StartAsync();
            await Task.WhenAll(publishes).WaitAsync(TestClients.Timeout);
        }
        finally
        {
            ThreadPool.SetMinThreads(workers, ports);
        }

        await using var reader = await TestClients.ConnectedAsync(broker.Uri, PersistentSession("ordered-reader"));
        var received = new List<int>();
        for (var i = 0; i < count; i++)
        {
            received.Add(int.Parse((await reader.NextAsync()).PayloadAsString(), System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(Enumerable.Range(0, count), received);
    }

    [RequiresMosquittoFact]
    public async Task PublishAsync_BrokerRestartedWithManyInFlight_ArriveInPublishOrder()
    {
        const int count = 3000;
        await using var broker = await MosquittoBroker.StartAsync(["max_queued_messages 100000"]);
        await using var reader = await TestClients.ConnectedAsync(broker.Uri, o =>
        {
            PersistentSession("ordered-reader2")(o);
            o.InboundCapacity = 100_000;
        });
        await reader.SubscribeAsync("ordered/#");

        await using var client = await TestClients.ConnectedAsync(broker.Uri, o => o.OfflinePublish = MqttOfflinePublishPolicy.Wait);
        var publishes = new List<Task>();
        for (var i = 0; i < count; i++)
        {
            publishes.Add(client.PublishAsync(MqttMessage.FromString("ordered/topic", i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            if (i == count / 3)
            {
                await broker.StopAsync();
                await broker.StartAsync();
            }
        }

        await Task.WhenAll(publishes).WaitAsync(TimeSpan.FromSeconds(60));
        var firsts = new List<int>();
        var seen = new HashSet<int>();
        while (seen.Count < count)
        {
            var n = int.Parse((await reader.NextAsync()).PayloadAsString(), System.Globalization.CultureInfo.InvariantCulture);
            if (seen.Add(n))
            {
                firsts.Add(n);
            }
        }

        Assert.Equal(Enumerable.Range(0, count), firsts);
    }

    private static Action<MqttClientOptions> PersistentSession(string clientId) => o =>
    {
        o.ClientId = clientId;
        o.CleanStart = false;
        o.SessionExpiry = TimeSpan.FromHours(1);
    };

    [RequiresMosquittoFact]
    public async Task PublishAsync_OfflineWaitCancelled_ThrowsOperationCanceled()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var client = await TestClients.ConnectedAsync(broker.Uri, o => o.OfflinePublish = MqttOfflinePublishPolicy.Wait);
        var lost = client.WaitForStateAsync(MqttConnectionState.Reconnecting);
        await broker.StopAsync();
        await lost;
        using var cts = new CancellationTokenSource();

        var publish = client.PublishAsync(MqttMessage.FromString("waited/topic", "x"), cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => publish);
    }
}
