using Microsoft.Extensions.DependencyInjection;

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
}
