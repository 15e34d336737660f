using Edge.CloudSync.Hosting;
using Edge.Hosting;
using Edge.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Edge.CloudSync.Connection;

/// <summary>
/// The business-plane connection to the central broker: MQTT 5 over TLS with the hub's client certificate (mutual
/// TLS), only the cloud CA from cloud.json trusted (CA pinning: the system trust store is never consulted), a
/// persistent session (CleanStart false + session expiry) so downstream messages wait for us during an outage,
/// keepalive, and reconnect with exponential backoff and jitter. Null <see cref="Link"/>: the hub is offline.
/// </summary>
internal sealed class CloudBus : IHostedService, IAsyncDisposable
{
    private readonly ILogger<CloudBus> _logger;

    public CloudBus(IMqttClientFactory factory, IOptions<CloudSyncOptions> options, IOptions<StoreOptions> store, IConfiguration configuration, TimeProvider time, ILogger<CloudBus> logger)
    {
        _logger = logger;
        var o = options.Value;
        Cloud = CloudLinkResolver.Resolve(o, store.Value, configuration["EDGE_CONFIG_DIR"]);
        RetryDelay = o.ReconnectInitialDelay;
        if (Cloud.IsOnline)
        {
            var client = factory.Create(ClientOptions(Cloud, o, $"{Cloud.StoreId}-{Cloud.HubId}", cleanStart: false, o.SessionExpiry));
            Link = new MqttLink("cloud", client, o, time, logger);
        }
    }

    public CloudLink Cloud { get; }

    /// <summary>Pause before an interrupted drain starts again.</summary>
    public TimeSpan RetryDelay { get; }

    public MqttLink? Link { get; }

    /// <summary>Client options for a connection to the cloud broker as this hub (the fleet plane uses them too, with a clean session and its will).</summary>
    public static MqttClientOptions ClientOptions(CloudLink cloud, CloudSyncOptions o, string clientId, bool cleanStart, TimeSpan sessionExpiry) => new()
    {
        Server = cloud.Server!,
        ClientId = clientId,
        CaFile = cloud.CaFile,
        ClientCertificateFile = cloud.ClientCertificateFile,
        ClientKeyFile = cloud.ClientKeyFile,
        KeepAlive = o.KeepAlive,
        CleanStart = cleanStart,
        SessionExpiry = sessionExpiry,
        OfflinePublish = MqttOfflinePublishPolicy.Wait,
        Reconnect = new MqttReconnectOptions { InitialDelay = o.ReconnectInitialDelay, MaxDelay = o.ReconnectMaxDelay, Jitter = o.ReconnectJitter },
        MaxInflight = 64,
    };

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Link is null)
        {
            CloudSyncLog.Offline(_logger, Cloud.OfflineReason ?? "no cloud server configured");
            return Task.CompletedTask;
        }

        Link.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Link?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => Link?.DisposeAsync() ?? ValueTask.CompletedTask;
}
