using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Edge.Messaging.Hosting;

/// <summary>Dependency injection registration of Edge.Messaging.</summary>
public static class MqttServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IMqttClientFactory"/> and one singleton <see cref="IMqttClient"/> built from options
    /// (validated at first use). The client is created disconnected: the host calls ConnectAsync at start. With a
    /// <paramref name="name"/>, the client is a keyed service (cloud-sync bridges two brokers) and its options are
    /// named options.
    /// </summary>
    public static IServiceCollection AddEdgeMqtt(this IServiceCollection services, Action<MqttClientOptions> configure, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IMqttClientFactory>(sp =>
            new MqttClientFactory(sp.GetRequiredService<TimeProvider>(), sp.GetService<ILoggerFactory>()));
        services.AddOptions<MqttClientOptions>(name ?? Options.DefaultName)
            .Configure(configure)
            .Validate(o =>
            {
                o.Validate();
                return true;
            });

        if (name is null)
        {
            services.TryAddSingleton(sp => sp.GetRequiredService<IMqttClientFactory>().Create(
                sp.GetRequiredService<IOptionsMonitor<MqttClientOptions>>().Get(Options.DefaultName)));
        }
        else
        {
            services.AddKeyedSingleton(name, (sp, key) => sp.GetRequiredService<IMqttClientFactory>().Create(
                sp.GetRequiredService<IOptionsMonitor<MqttClientOptions>>().Get((string)key!)));
        }

        return services;
    }

    /// <summary>Adds a health check reporting the connection state of the (optionally keyed) client.</summary>
    public static IHealthChecksBuilder AddEdgeMqtt(this IHealthChecksBuilder builder, string? clientName = null, string checkName = "mqtt")
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(
            clientName is null ? checkName : $"{checkName}-{clientName}",
            sp => new MqttHealthCheck(clientName is null ? sp.GetRequiredService<IMqttClient>() : sp.GetRequiredKeyedService<IMqttClient>(clientName)),
            HealthStatus.Unhealthy,
            ["mqtt"]));
    }
}
