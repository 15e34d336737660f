using Edge.Hosting.Options;
using Microsoft.Extensions.Hosting;

namespace Edge.BeaconGateway.Hosting;

internal static class BeaconGatewayHostingExtensions
{
    /// <summary>Everything beacon-gateway runs: report sources, member resolution, presence, publishing.</summary>
    public static IHostApplicationBuilder AddBeaconGateway(this IHostApplicationBuilder builder)
    {
        builder.AddEdgeOptions<BeaconGatewayOptions>(BeaconGatewayOptions.Section);
        return builder;
    }
}
