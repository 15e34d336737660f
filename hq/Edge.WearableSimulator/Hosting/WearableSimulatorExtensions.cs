using Edge.Hosting.Broker;
using Edge.Hosting.Options;
using Edge.Messaging.Hosting;
using Edge.WearableSimulator.Alerts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Edge.WearableSimulator.Hosting;

internal static class WearableSimulatorExtensions
{
    public static WebApplicationBuilder AddWearableSimulator(this WebApplicationBuilder builder)
    {
        builder.AddEdgeOptions<WearableSimulatorOptions>(WearableSimulatorOptions.Section);
        var options = builder.Configuration.GetSection(WearableSimulatorOptions.Section).Get<WearableSimulatorOptions>() ?? new WearableSimulatorOptions();
        var broker = builder.Configuration.GetSection(LocalBrokerOptions.Section).Get<LocalBrokerOptions>() ?? new LocalBrokerOptions();
        builder.WebHost.UseUrls(options.Url);
        builder.Services.AddRazorComponents();
        builder.Services.AddEdgeMqtt(o =>
        {
            o.Server = $"mqtt://{broker.Host}:{broker.Port}";
            o.Username = broker.Username;
            o.Password = broker.Password;
            o.ClientId = "wearable-simulator";
        });
        builder.Services.AddEdgeMqttConnection();
        builder.Services.AddSingleton<AlertBoard>();
        builder.Services.AddSingleton<AlertSubscriber>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AlertSubscriber>());
        builder.Services.AddHttpClient<AgentClient>((sp, http) =>
        {
            var o = sp.GetRequiredService<IOptions<WearableSimulatorOptions>>().Value;
            AgentClient.Configure(http, o.AgentUrl, o.AgentToken);
        });
        builder.Services.AddHostedService<ClerkCheckIn>();
        return builder;
    }
}
