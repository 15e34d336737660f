using System.Globalization;
using Edge.Agent.Storage;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Members;

/// <summary>Erases raw presence events older than the retention (privacy: at most 24 h on the hub), every 10 minutes.</summary>
internal sealed class PresencePurgeService(AgentWriter writer, IOptions<MembersOptions> options, TimeProvider time, ILogger<PresencePurgeService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(10), time);
        do
        {
            var retention = options.Value.PresenceRetention;
            var cutoff = (time.GetUtcNow() - retention).ToString("O", CultureInfo.InvariantCulture);
            var count = await writer.WriteAsync(tx => tx.Execute("DELETE FROM presence WHERE occurred_at < $1;", cutoff), stoppingToken).ConfigureAwait(false);
            if (count > 0)
            {
                MembersLog.PresencePurged(logger, count, retention);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
