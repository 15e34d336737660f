using Edge.Hosting;
using Edge.Hosting.Broker;
using Edge.Messaging;
using Edge.Messaging.Hosting;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Bus;

internal static class BusExtensions
{
    /// <summary>The local-bus client (persistent MQTT 5 session), the dispatcher that feeds handlers, and the outbox relay.</summary>
    public static IHostApplicationBuilder AddAgentBus(this IHostApplicationBuilder builder)
    {
        builder.Services.AddEdgeMqtt(_ => { });
        builder.Services.AddOptions<MqttClientOptions>()
            .Configure<IOptions<LocalBrokerOptions>, IOptions<StoreOptions>>((mqtt, broker, store) =>
            {
                var b = broker.Value;
                mqtt.Server = $"mqtt://{b.Host}:{b.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
                mqtt.Username = b.Username;
                mqtt.Password = b.Password;
                mqtt.ClientId = "edge-agent-" + (string.IsNullOrEmpty(store.Value.HubId) ? "hub" : store.Value.HubId);
                mqtt.CleanStart = false;
                mqtt.SessionExpiry = TimeSpan.FromDays(1);
                mqtt.OfflinePublish = MqttOfflinePublishPolicy.FailFast;
            });
        builder.Services.AddSingleton<BusPublisher>();
        builder.Services.AddSingleton<BusReadiness>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddHostedService<BusDispatcher>();
        builder.Services.AddHostedService<OutboxRelay>();
        builder.Services.AddEdgeMqttPresence(Edge.Contracts.LocalTopics.ServiceStateFor("edge-agent"));
        return builder;
    }
}
