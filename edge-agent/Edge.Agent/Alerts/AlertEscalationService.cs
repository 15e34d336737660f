namespace Edge.Agent.Alerts;

/// <summary>
/// Runs on <see cref="AlertScheduler"/>'s wake-ups (claim deadlines from the injected TimeProvider's timer, and a
/// minute tick): escalates or expires due alerts, sends the hourly aggregate, purges the log, re-arms the timer. At
/// start it arms for alerts left open by a previous run.
/// </summary>
internal sealed class AlertEscalationService(StaffAlertService alerts, AlertReporter reporter, AlertScheduler scheduler, AgentCounters counters, ILogger<AlertEscalationService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        scheduler.Wake();
        while (await scheduler.WaitAsync(stoppingToken).ConfigureAwait(false))
        {
            scheduler.Consume();
            try
            {
                await alerts.EscalateDueAsync(stoppingToken).ConfigureAwait(false);
                await reporter.RunAsync(stoppingToken).ConfigureAwait(false);
                scheduler.Arm(alerts.NextDeadline());
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                counters.Increment("alerts.failed");
                AlertsLog.Failed(logger, e);
            }
        }
    }
}
