using System.Diagnostics;
using Edge.TestKit;

namespace Edge.Messaging.Tests.Broker;

public sealed class WillTests
{
    [RequiresMosquittoFact]
    public async Task Will_ClientProcessKilled_BrokerPublishesOurWillWithProperties()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var watcher = await TestClients.ConnectedAsync(broker.Uri);
        await watcher.SubscribeAsync("hub/status/+");

        // The child is this test assembly run as a program (ChildClientProgram): OUR client sets the will.
        var testAssembly = typeof(ChildClientProgram).Assembly.Location;
        var psi = new ProcessStartInfo("dotnet", ["exec", testAssembly, "will-child", broker.Uri, "hub/status/child", "will-child-1"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var child = Process.Start(psi)!;
        try
        {
            var connected = await child.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            if (connected != "connected")
            {
                child.Kill();
                Assert.Fail("the child client did not connect: " + connected + await child.StandardError.ReadToEndAsync());
            }

            Signals.Send(child.Id, Signals.SigKill);
            await child.WaitForExitAsync().WaitAsync(TestClients.Timeout);

            var will = await watcher.NextAsync();
            Assert.Equal("hub/status/child", will.Topic);
            Assert.Equal("offline", will.PayloadAsString());
            Assert.Equal("text/plain", will.ContentType);
            Assert.Equal("process-died", will.GetUserProperty("reason"));
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill();
            }
        }
    }

    [RequiresMosquittoFact]
    public async Task Will_ClientDisconnectsNormally_WillIsNotPublished()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var watcher = await TestClients.ConnectedAsync(broker.Uri);
        await watcher.SubscribeAsync("hub/status/#");
        var client = await TestClients.ConnectedAsync(broker.Uri, o => o.Will = MqttMessage.FromString("hub/status/polite", "offline"));

        await client.DisposeAsync();

        // A marker published after the dispose proves ordering: had the will been sent, it would come first.
        await watcher.PublishAsync(MqttMessage.FromString("hub/status/marker", "after"));
        Assert.Equal("hub/status/marker", (await watcher.NextAsync()).Topic);
    }

    [RequiresMosquittoFact]
    public async Task Will_PublishWillOnDisconnect_BrokerPublishesItOnOurDisconnectAndDispose()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var watcher = await TestClients.ConnectedAsync(broker.Uri);
        await watcher.SubscribeAsync("hub/status/#");
        void Configure(MqttClientOptions o, string name)
        {
            o.Will = MqttMessage.FromString("hub/status/" + name, "offline");
            o.PublishWillOnDisconnect = true;
        }

        var disconnecting = await TestClients.ConnectedAsync(broker.Uri, o => Configure(o, "disconnected"));
        await disconnecting.DisconnectAsync();
        var first = await watcher.NextAsync();
        await disconnecting.DisposeAsync();
        var disposing = await TestClients.ConnectedAsync(broker.Uri, o => Configure(o, "disposed"));
        await disposing.DisposeAsync();
        var second = await watcher.NextAsync();

        Assert.Equal(("hub/status/disconnected", "offline"), (first.Topic, first.PayloadAsString()));
        Assert.Equal(("hub/status/disposed", "offline"), (second.Topic, second.PayloadAsString()));
    }
}
