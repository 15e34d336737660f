using System.Globalization;
using Edge.CloudSync.Hosting;
using Edge.Hosting;
using Edge.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Edge.CloudSync.Tests.Fixtures;

/// <summary>cloud-sync's real host (AddEdgeHostDefaults + AddCloudSync) in the test process, against real brokers and a real SQLite file.</summary>
internal static class CloudSyncHost
{
    public static IHost Build(MosquittoBroker local, string? cloudJson, string databasePath, IDictionary<string, string?>? extra = null, TimeProvider? time = null, Action<IServiceCollection>? services = null)
    {
        var configDir = Path.GetDirectoryName(databasePath)!;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        var settings = new Dictionary<string, string?>
        {
            ["EDGE_CONFIG_DIR"] = configDir,
            ["Edge:Store:StoreId"] = "store-1",
            ["Edge:Store:HubId"] = "hub-1",
            ["Edge:Broker:Host"] = local.Host,
            ["Edge:Broker:Port"] = local.Port.ToString(CultureInfo.InvariantCulture),
            ["CloudSync:IdentityFile"] = cloudJson ?? Path.Combine(configDir, "no-cloud.json"),
            ["CloudSync:ReconnectInitialDelay"] = "00:00:00.200",
            ["CloudSync:ReconnectMaxDelay"] = "00:00:01",
            ["CloudSync:Outbox:DatabasePath"] = databasePath,
            ["CloudSync:Upstream:AckTimeout"] = "00:00:10",
            ["CloudSync:Fleet:SampleInterval"] = "00:00:00.200",
            ["CloudSync:Downstream:InboxPath"] = Path.Combine(configDir, "inbox.db"),
            ["CloudSync:Downstream:BundleDirectory"] = Path.Combine(configDir, "bundles"),
            ["CloudSync:Upstream:PollInterval"] = "00:00:00.200",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>())
        {
            settings[k] = v;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        services?.Invoke(builder.Services);
        builder.AddEdgeHostDefaults("cloud-sync");
        builder.AddCloudSync();
        return builder.Build();
    }

    /// <summary>Starts the host and waits until it listens on store/outbox/+ (before that, a first-ever start has no session to keep events).</summary>
    public static async Task<IHost> StartAsync(MosquittoBroker local, string? cloudJson, string databasePath, IDictionary<string, string?>? extra = null, TimeProvider? time = null, bool waitForCloud = true, Action<IServiceCollection>? services = null)
    {
        var host = Build(local, cloudJson, databasePath, extra, time, services);
        await host.StartAsync();
        await host.Services.GetRequiredService<Edge.CloudSync.Upstream.LocalOutboxIngest>().Subscribed.WaitAsync(TimeSpan.FromSeconds(30));
        if (cloudJson is not null && waitForCloud)
        {
            await host.Services.GetRequiredService<Edge.CloudSync.Downstream.DownstreamProcessor>().Subscribed.WaitAsync(TimeSpan.FromSeconds(30));
        }

        return host;
    }
}
