using Edge.CloudSync.Connection;
using Edge.CloudSync.Downstream;
using Edge.CloudSync.Fleet;
using Edge.CloudSync.Fleet.Diagnostics;
using Edge.CloudSync.Outbox;
using Edge.CloudSync.Upstream;
using Edge.Hosting.Options;
using Edge.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Edge.CloudSync.Hosting;

internal static class CloudSyncHostingExtensions
{
    /// <summary>Everything cloud-sync runs: outbox, connections, upstream drain, inbox, Sparkplug edge node.</summary>
    public static IHostApplicationBuilder AddCloudSync(this IHostApplicationBuilder builder)
    {
        builder.AddEdgeOptions<CloudSyncOptions>(CloudSyncOptions.Section, static (c, o) => c.Bind(o));
        builder.AddCloudSyncOutbox();
        builder.AddCloudSyncConnections();
        builder.AddCloudSyncUpstream();
        builder.AddCloudSyncDownstream();
        builder.AddCloudSyncFleet();
        return builder;
    }

    /// <summary>The Sparkplug B edge node.</summary>
    public static IHostApplicationBuilder AddCloudSyncFleet(this IHostApplicationBuilder builder)
    {
        builder.AddEdgeOptions<FleetOptions>(FleetOptions.Section, static (c, o) => c.Bind(o));
        builder.Services.AddSingleton<LocalFleetInputs>();
        var logCounter = new LogLevelCounter();
        builder.Logging.AddProvider(logCounter);
        builder.Services.AddSingleton(logCounter);
        builder.Services.AddSingleton(sp => new InboxReader(sp.GetRequiredService<InboxStore>(), sp.GetRequiredService<IOptions<DownstreamOptions>>().Value.InboxPath));
        builder.Services.AddSingleton(sp => new ConfigurationVersion(
            FleetOptions.ConfigurationDirectoryOf(sp.GetRequiredService<IOptions<FleetOptions>>().Value, sp.GetRequiredService<IConfiguration>()), sp.GetRequiredService<InboxReader>()));
        builder.Services.AddSingleton<DiagnosticBundleCollector>();
        builder.Services.AddSingleton<HubControl>();
        builder.Services.TryAddSingleton<IRebootRequester, SystemdRebootRequester>();
        builder.Services.AddSingleton<FleetNode>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<FleetNode>());
        return builder;
    }

    /// <summary>Cloud -> inbox -> local bus, and commands.</summary>
    public static IHostApplicationBuilder AddCloudSyncDownstream(this IHostApplicationBuilder builder)
    {
        builder.AddEdgeOptions<DownstreamOptions>(DownstreamOptions.Section, static (c, o) => c.Bind(o));
        builder.Services.AddSingleton<DownstreamCounters>();
        builder.Services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<DownstreamOptions>>().Value;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(o.InboxPath))!);
            return new InboxStore(o.InboxPath, sp.GetRequiredService<TimeProvider>());
        });
        builder.Services.AddSingleton<DownstreamProcessor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DownstreamProcessor>());
        return builder;
    }

    /// <summary>The durable outbox and its single writer.</summary>
    public static IHostApplicationBuilder AddCloudSyncOutbox(this IHostApplicationBuilder builder)
    {
        builder.AddEdgeOptions<OutboxOptions>(OutboxOptions.Section, static (c, o) => c.Bind(o));
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<OutboxOptions>>().Value;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(o.DatabasePath))!);
            return new OutboxStore(o.DatabasePath, o.QuotaBytes, o.CompactableStreams, sp.GetRequiredService<TimeProvider>());
        });
        builder.Services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<OutboxOptions>>().Value;
            return new OutboxWriter(sp.GetRequiredService<OutboxStore>(), o.QueueCapacity, o.MaxGroupCommit, sp.GetRequiredService<ILogger<OutboxWriter>>(), sp.GetRequiredService<OutboxSignal>());
        });
        builder.Services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<OutboxWriter>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxWriter>());
        return builder;
    }

    /// <summary>The local bus client and the cloud business-plane client (mTLS, persistent session).</summary>
    public static IHostApplicationBuilder AddCloudSyncConnections(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<IMqttClientFactory>(sp => new MqttClientFactory(sp.GetRequiredService<TimeProvider>(), sp.GetService<ILoggerFactory>()));
        builder.Services.AddSingleton<LocalBus>();
        builder.Services.AddSingleton<CloudBus>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LocalBus>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CloudBus>());
        return builder;
    }

    /// <summary>Local bus -> outbox -> cloud.</summary>
    public static IHostApplicationBuilder AddCloudSyncUpstream(this IHostApplicationBuilder builder)
    {
        builder.AddEdgeOptions<UpstreamOptions>(UpstreamOptions.Section, static (c, o) => c.Bind(o));
        builder.Services.AddSingleton<UpstreamCounters>();
        builder.Services.AddSingleton<LocalOutboxIngest>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LocalOutboxIngest>());
        builder.Services.AddHostedService<UpstreamPublisher>();
        return builder;
    }
}
