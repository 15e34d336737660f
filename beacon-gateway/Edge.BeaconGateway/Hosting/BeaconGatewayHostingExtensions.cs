using Edge.BeaconGateway.Receivers;
using Edge.Hosting.Broker;
using Edge.Hosting.Options;
using Edge.Messaging.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Edge.BeaconGateway.Hosting;

internal static class BeaconGatewayHostingExtensions
{
    /// <summary>Everything beacon-gateway runs: the local bus connection, then report sources, member resolution, presence, publishing.</summary>
    public static IHostApplicationBuilder AddBeaconGateway(this IHostApplicationBuilder builder)
    {
        builder.AddEdgeOptions<BeaconGatewayOptions>(BeaconGatewayOptions.Section, static (c, o) => c.Bind(o));
        var broker = builder.Configuration.GetSection(LocalBrokerOptions.Section).Get<LocalBrokerOptions>() ?? new LocalBrokerOptions();
        var hub = builder.Configuration["Edge:Store:HubId"];
        builder.Services.AddEdgeMqtt(o =>
        {
            o.Server = $"mqtt://{broker.Host}:{broker.Port}";
            o.Username = broker.Username;
            o.Password = broker.Password;
            o.ClientId = string.IsNullOrEmpty(hub) ? "beacon-gateway" : $"beacon-gateway-{hub}";
        });
        builder.Services.AddHealthChecks().AddEdgeMqtt();
        builder.Services.AddEdgeMqttConnection();
        builder.Services.AddEdgeMqttPresence(Edge.Contracts.LocalTopics.ServiceStateFor("beacon-gateway"));
        builder.AddBeaconGatewayCore(ZonesFromFile(builder.Configuration["BeaconGateway:ZonesFile"]));
        return builder;
    }

    /// <summary>The zones edge-provision imported, when the file exists; a broken file stops the service (exit 78).</summary>
    private static List<ReceiverOptions>? ZonesFromFile(string? path)
    {
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return null;
        }

        try
        {
            return ZonesFileReceivers.Load(path);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new EdgeConfigurationException($"BeaconGateway:ZonesFile: {ex.Message} Re-import it with `edge-provision zones import <file>`.", ex);
        }
    }
}
