using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Edge.Messaging.Hosting;

/// <summary>Registration of <see cref="MqttConnectionService"/>.</summary>
public static class MqttConnectionServiceExtensions
{
    /// <summary>Connects the default <see cref="IMqttClient"/> at host start (see <see cref="MqttConnectionService"/>).</summary>
    public static IServiceCollection AddEdgeMqttConnection(this IServiceCollection services)
    {
        services.AddSingleton<MqttConnectionService>();
        services.AddHostedService(sp => sp.GetRequiredService<MqttConnectionService>());
        return services;
    }

    /// <summary>
    /// Keeps this process's state retained on <paramref name="topic"/> of the default client's broker ("running",
    /// "stopped", and "offline" as the will; see <see cref="MqttPresenceService"/>). Sets the client's will unless one is
    /// configured. Call it after the registration that connects the client.
    /// </summary>
    public static IServiceCollection AddEdgeMqttPresence(this IServiceCollection services, string topic)
    {
        var presence = new MqttPresence(topic);
        services.AddSingleton(presence);
        services.PostConfigure<MqttClientOptions>(Options.DefaultName, o => o.Will ??= presence.Message(MqttPresenceService.Offline));
        services.AddHostedService<MqttPresenceService>();
        return services;
    }
}
