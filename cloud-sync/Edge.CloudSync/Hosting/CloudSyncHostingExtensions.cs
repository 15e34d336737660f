using Edge.Hosting.Options;
using Microsoft.Extensions.Hosting;

namespace Edge.CloudSync.Hosting;

internal static class CloudSyncHostingExtensions
{
    /// <summary>Everything cloud-sync runs: outbox, inbox, cloud connection, Sparkplug edge node.</summary>
    public static IHostApplicationBuilder AddCloudSync(this IHostApplicationBuilder builder)
    {
        builder.AddEdgeOptions<CloudSyncOptions>(CloudSyncOptions.Section);
        return builder;
    }
}
