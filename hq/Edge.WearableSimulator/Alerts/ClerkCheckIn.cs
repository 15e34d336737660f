using Edge.WearableSimulator.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Edge.WearableSimulator.Alerts;

/// <summary>At start, each simulated clerk's watch tells edge-agent the clerk is on shift in their zone (retried: the agent may start later).</summary>
internal sealed partial class ClerkCheckIn(AgentClient agent, IOptions<WearableSimulatorOptions> options, TimeProvider time, ILogger<ClerkCheckIn> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var clerk in options.Value.Clerks)
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await agent.ReportOnShiftAsync(clerk.Id, clerk.Zone, stoppingToken).ConfigureAwait(false);
                    break;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
                {
                    LogCheckInFailed(logger, clerk.Id, ex.Message);
                    await Task.Delay(TimeSpan.FromSeconds(2), time, stoppingToken).ConfigureAwait(false);
                }
            }
        }
    }

    [LoggerMessage(10101, LogLevel.Warning, "Clerk {ClerkId} could not report on shift to edge-agent: {Reason}; retrying")]
    private static partial void LogCheckInFailed(ILogger logger, string clerkId, string reason);
}
