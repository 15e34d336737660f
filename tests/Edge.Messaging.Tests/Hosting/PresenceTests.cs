using Edge.Messaging.Hosting;
using Edge.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Edge.Messaging.Tests.Hosting;

public sealed class PresenceTests
{
    private const string Topic = "store/services/test-service/state";

    [RequiresMosquittoFact]
    public async Task AddEdgeMqttPresence_HostLifecycle_RetainsRunningThenStoppedAndSetsOfflineWill()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var provider = Services(broker.Uri).BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().ToList();

        // The will is the retained "offline" the broker publishes if the process dies.
        var will = provider.GetRequiredService<IOptionsMonitor<MqttClientOptions>>().Get(Options.DefaultName).Will;
        Assert.NotNull(will);
        Assert.Equal((Topic, "offline", true, MqttQualityOfService.AtLeastOnce), (will.Topic, will.PayloadAsString(), will.Retain, will.Qos));

        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        Assert.Equal("running", await RetainedAsync(broker.Uri));

        // The will replaced "running" while the link was down (played here by another client); after the
        // reconnect the service says "running" again.
        await using (var other = await TestClients.ConnectedAsync(broker.Uri))
        {
            await other.PublishAsync(will with { });
        }

        var client = provider.GetRequiredService<IMqttClient>();
        var lost = client.WaitForStateAsync(MqttConnectionState.Reconnecting);
        await broker.StopAsync();
        await lost;
        var back = client.WaitForStateAsync(MqttConnectionState.Connected);
        await broker.StartAsync();
        await back;
        Assert.Equal("running", await EventuallyRetainedAsync(broker.Uri, "running"));

        for (var i = hosted.Count - 1; i >= 0; i--)
        {
            await hosted[i].StopAsync(CancellationToken.None);
        }

        Assert.Equal("stopped", await RetainedAsync(broker.Uri));
    }

    private static ServiceCollection Services(string uri)
    {
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddEdgeMqtt(o =>
        {
            o.Server = uri;
            o.Reconnect = new MqttReconnectOptions { InitialDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(1) };
        });
        services.AddEdgeMqttConnection();
        services.AddEdgeMqttPresence(Topic);
        return services;
    }

    /// <summary>The retained message a new subscriber gets at once.</summary>
    private static async Task<string> RetainedAsync(string uri)
    {
        await using var reader = await TestClients.ConnectedAsync(uri);
        await reader.SubscribeAsync(Topic);
        var m = await reader.NextAsync();
        Assert.True(m.Retain);
        return m.PayloadAsString();
    }

    /// <summary>The "running" after a reconnect is published a moment after the state change: read until it is there.</summary>
    private static async Task<string> EventuallyRetainedAsync(string uri, string expected)
    {
        await using var reader = await TestClients.ConnectedAsync(uri);
        await reader.SubscribeAsync(Topic);
        string last;
        do
        {
            last = (await reader.NextAsync()).PayloadAsString();
        }
        while (last != expected);

        return last;
    }
}
