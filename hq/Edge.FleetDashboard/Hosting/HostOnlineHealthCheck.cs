using Edge.FleetDashboard.Sparkplug;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Edge.FleetDashboard.Hosting;

/// <summary>Healthy once the host has subscribed and published STATE online: before that, the fleet page shows nothing live.</summary>
internal sealed class HostOnlineHealthCheck(SparkplugHostService host) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(host.Online.Task.IsCompletedSuccessfully
            ? HealthCheckResult.Healthy("Sparkplug primary host online")
            : HealthCheckResult.Unhealthy("not online on the cloud broker yet"));
}
