using Edge.Agent.Members;
using Edge.Contracts.Presence;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Alerts;

/// <summary>
/// Dwell events of members who consent to staff alerts wait here (bounded; full: the oldest is dropped, counted) for
/// the help decision, so the bus dispatcher never waits on alert work. Quiet mode and the consent are checked
/// again when the event is taken, against the member as the cache holds them then.
/// </summary>
internal sealed class AlertTriggerQueue(
    StaffAlertService alerts, IHelpIntent intent, MemberStore members, QuietSwitch quiet, IOptions<AlertsOptions> options, AgentCounters counters, ILogger<AlertTriggerQueue> logger)
    : PresenceWorkQueue<MemberDwelled>(options.Value.QueueCapacity, () => counters.Increment("alerts.queue_dropped"))
{
    protected override MemberDwelled? Select(PresenceEvent presence, MemberRecord member)
    {
        if (presence is not MemberDwelled dwell)
        {
            return null;
        }

        if (!member.Consent.StaffAlerts)
        {
            counters.Increment("alerts.no_consent");
            return null;
        }

        return dwell;
    }

    protected override Task ProcessAsync(MemberDwelled presence, MemberRecord member, CancellationToken cancellationToken) =>
        ConsiderAsync(presence, member, cancellationToken);

    protected override void OnFailed(MemberRecord member, Exception error)
    {
        counters.Increment("alerts.failed");
        AlertsLog.Failed(logger, error);
    }

    private async Task ConsiderAsync(MemberDwelled dwell, MemberRecord queued, CancellationToken cancellationToken)
    {
        if (quiet.Quiet)
        {
            counters.Increment("alerts.quiet");
            return;
        }

        var member = members.Find(queued.MemberId);
        if (member is null || !member.Consent.StaffAlerts)
        {
            counters.Increment("alerts.no_consent");
            return;
        }

        var signal = intent.Evaluate(dwell, member);
        if (signal is null)
        {
            counters.Increment("alerts.no_signal");
            return;
        }

        await alerts.RaiseAsync(dwell.EventId, member, dwell.Zone, signal, cancellationToken).ConfigureAwait(false);
    }
}
