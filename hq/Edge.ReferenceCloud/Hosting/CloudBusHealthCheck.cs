using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Edge.ReferenceCloud.Hosting;

/// <summary>Healthy once the cloud listens for claims and up-streams: before that, a claim would go unanswered.</summary>
internal sealed class CloudBusHealthCheck(CloudBusService bus) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(bus.Subscribed.Task.IsCompletedSuccessfully
            ? HealthCheckResult.Healthy("subscribed to claims and up-streams")
            : HealthCheckResult.Unhealthy("not subscribed to the cloud broker yet"));
}
