using Edge.Messaging;
using Edge.TestKit;

namespace Edge.FleetDashboard.Tests.Harness;

/// <summary>A second client on the broker: publishes as the simulated hub and watches what the dashboard publishes.</summary>
internal sealed class BrokerWatcher : IAsyncDisposable
{
    private BrokerWatcher(IMqttClient client)
    {
        Client = client;
    }

    public IMqttClient Client { get; }

    public static async Task<BrokerWatcher> ConnectAsync(MosquittoBroker broker, params string[] filters)
    {
        var client = new MqttClientFactory().Create(new MqttClientOptions { Server = broker.Uri });
        await client.ConnectAsync().WaitAsync(DashboardHost.Timeout);
        if (filters.Length > 0)
        {
            await client.SubscribeAsync([.. filters.Select(f => new MqttSubscription(f, MqttQualityOfService.AtLeastOnce))]).WaitAsync(DashboardHost.Timeout);
        }

        return new BrokerWatcher(client);
    }

    /// <summary>The next message that satisfies <paramref name="match"/> (others are skipped).</summary>
    public async Task<MqttMessage> NextAsync(Func<MqttMessage, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DashboardHost.Timeout);
        try
        {
            while (true)
            {
                var message = await Client.Messages.ReadAsync(cts.Token);
                if (match(message))
                {
                    return message;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("the expected message did not arrive");
        }
    }

    public ValueTask DisposeAsync() => Client.DisposeAsync();
}
