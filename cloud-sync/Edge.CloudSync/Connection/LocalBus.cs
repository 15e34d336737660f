using Edge.CloudSync.Hosting;
using Edge.Hosting;
using Edge.Hosting.Broker;
using Edge.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Edge.CloudSync.Connection;

/// <summary>
/// cloud-sync's client on the hub's broker. A persistent session (fixed client id, session expiry) so that events
/// producers publish to store/outbox/# while cloud-sync restarts wait in the local broker instead of being lost.
/// </summary>
internal sealed class LocalBus : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan LocalSessionExpiry = TimeSpan.FromDays(1);

    public LocalBus(IMqttClientFactory factory, IOptions<LocalBrokerOptions> broker, IOptions<StoreOptions> store, IOptions<CloudSyncOptions> options, TimeProvider time, ILogger<LocalBus> logger)
    {
        var b = broker.Value;
        var client = factory.Create(new MqttClientOptions
        {
            Server = $"mqtt://{(b.Host.Contains(':', StringComparison.Ordinal) ? "[" + b.Host + "]" : b.Host)}:{b.Port}",
            ClientId = $"cloud-sync-{store.Value.HubId}",
            Username = b.Username,
            Password = b.Password,
            CleanStart = false,
            SessionExpiry = LocalSessionExpiry,
            OfflinePublish = MqttOfflinePublishPolicy.Wait,
            // The network thread must never block, so a full queue drops (counted in DroppedInboundMessages); it is sized
            // for several seconds of the busiest producer while the outbox writer commits.
            InboundCapacity = 100_000,
            Reconnect = new MqttReconnectOptions { InitialDelay = TimeSpan.FromMilliseconds(250), MaxDelay = TimeSpan.FromSeconds(5), Jitter = 0.2 },
        });
        Link = new MqttLink("local", client, options.Value, time, logger);
    }

    public MqttLink Link { get; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Link.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Link.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => Link.DisposeAsync();
}
