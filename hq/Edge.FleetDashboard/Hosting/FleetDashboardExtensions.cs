using Edge.FleetDashboard.Alarms;
using Edge.FleetDashboard.Business;
using Edge.FleetDashboard.Fleet;
using Edge.FleetDashboard.Sparkplug;
using Edge.Hosting.Options;
using Edge.Messaging;
using Edge.Messaging.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Edge.FleetDashboard.Hosting;

internal static class FleetDashboardExtensions
{
    /// <summary>The Sparkplug primary host on the cloud broker, the fleet board and alarms, the cloud-records client and the pages.</summary>
    public static WebApplicationBuilder AddFleetDashboard(this WebApplicationBuilder builder)
    {
        builder.AddEdgeOptions<FleetDashboardOptions>(FleetDashboardOptions.Section);
        var options = builder.Configuration.GetSection(FleetDashboardOptions.Section).Get<FleetDashboardOptions>() ?? new FleetDashboardOptions();
        builder.WebHost.UseUrls(options.Url);
        builder.Services.AddRazorComponents();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, DashboardJsonContext.Default));
        builder.Services.AddSingleton<PrimaryHost>();
        builder.Services.AddEdgeMqtt(o =>
        {
            options.ApplyTo(o);
            o.ClientId = "fleet-dashboard-" + options.HostId;
            // Sparkplug 3.0 hosts use a clean session (no expiry): state is rebuilt from births, not from a queue.
            o.CleanStart = true;
            o.SessionExpiry = TimeSpan.Zero;
        });
        builder.Services.AddOptions<MqttClientOptions>().Configure<PrimaryHost>((o, host) =>
        {
            o.Will = host.Death;
            // STATE offline must follow every end of the process. The service publishes it at a graceful stop; a stop
            // that skips that (SIGTERM while the host is still starting, a failed publish) still DISCONNECTs cleanly,
            // which would discard the will, so our DISCONNECT asks the broker to publish it anyway.
            o.PublishWillOnDisconnect = true;
        });
        builder.Services.AddHealthChecks().AddEdgeMqtt().AddCheck<HostOnlineHealthCheck>("sparkplug-host");
        builder.Services.AddEdgeMqttConnection();
        builder.Services.AddSingleton<AlarmBook>();
        builder.Services.AddSingleton<FleetBoard>();
        builder.Services.AddSingleton<DashboardCounters>();
        builder.Services.AddSingleton<SparkplugHostService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SparkplugHostService>());
        builder.Services.AddHttpClient<CloudRecordsClient>((sp, http) =>
        {
            var url = sp.GetRequiredService<IOptions<FleetDashboardOptions>>().Value.CloudUrl;
            http.BaseAddress = string.IsNullOrEmpty(url) ? null : new Uri(url.TrimEnd('/') + "/");
            http.Timeout = TimeSpan.FromSeconds(5);
        });
        return builder;
    }
}
