using System.Threading.Channels;
using Edge.Agent.Members;
using Edge.Contracts.Presence;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Alerts;

/// <summary>
/// Dwell events of members who consent to staff alerts wait here (bounded; full: the oldest is dropped, counted) for
/// the help decision, so the bus dispatcher never waits on alert work. Quiet mode and the consent are checked
/// again when the event is taken, against the member as the cache holds them then.
/// </summary>
internal sealed class AlertTriggerQueue : BackgroundService, IPresenceConsumer
{
    private readonly Channel<(MemberDwelled Dwell, MemberRecord Member)> _queue;
    private readonly StaffAlertService _alerts;
    private readonly IHelpIntent _intent;
    private readonly MemberStore _members;
    private readonly QuietSwitch _quiet;
    private readonly AgentCounters _counters;
    private readonly ILogger<AlertTriggerQueue> _logger;

    public AlertTriggerQueue(
        StaffAlertService alerts, IHelpIntent intent, MemberStore members, QuietSwitch quiet, IOptions<AlertsOptions> options, AgentCounters counters, ILogger<AlertTriggerQueue> logger)
    {
        _alerts = alerts;
        _intent = intent;
        _members = members;
        _quiet = quiet;
        _counters = counters;
        _logger = logger;
        _queue = Channel.CreateBounded<(MemberDwelled, MemberRecord)>(
            new BoundedChannelOptions(options.Value.QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => counters.Increment("alerts.queue_dropped"));
    }

    public void OnPresence(PresenceEvent presence, MemberRecord member)
    {
        if (presence is not MemberDwelled dwell)
        {
            return;
        }

        if (!member.Consent.StaffAlerts)
        {
            _counters.Increment("alerts.no_consent");
            return;
        }

        _queue.Writer.TryWrite((dwell, member));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (dwell, member) in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await ConsiderAsync(dwell, member, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                _counters.Increment("alerts.failed");
                AlertsLog.Failed(_logger, e);
            }
        }
    }

    private async Task ConsiderAsync(MemberDwelled dwell, MemberRecord queued, CancellationToken cancellationToken)
    {
        if (_quiet.Quiet)
        {
            _counters.Increment("alerts.quiet");
            return;
        }

        var member = _members.Find(queued.MemberId);
        if (member is null || !member.Consent.StaffAlerts)
        {
            _counters.Increment("alerts.no_consent");
            return;
        }

        var signal = _intent.Evaluate(dwell, member);
        if (signal is null)
        {
            _counters.Increment("alerts.no_signal");
            return;
        }

        await _alerts.RaiseAsync(dwell.EventId, member, dwell.Zone, signal, cancellationToken).ConfigureAwait(false);
    }
}
