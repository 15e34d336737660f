using System.Threading.Channels;
using Edge.Agent.Members;
using Edge.Contracts.Presence;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Offers;

/// <summary>
/// Entered and Dwelled presence events of members who consent to personalised screens wait here for a decision.
/// Bounded: when full the OLDEST waiting event is dropped (the shopper has likely moved on) and counted.
/// </summary>
internal sealed class PresenceOfferQueue : BackgroundService, IPresenceConsumer
{
    private readonly Channel<(PresenceEvent Presence, MemberRecord Member)> _queue;
    private readonly OfferEngine _engine;
    private readonly AgentCounters _counters;
    private readonly ILogger<PresenceOfferQueue> _logger;

    public PresenceOfferQueue(OfferEngine engine, IOptions<OffersOptions> options, AgentCounters counters, ILogger<PresenceOfferQueue> logger)
    {
        _engine = engine;
        _counters = counters;
        _logger = logger;
        _queue = Channel.CreateBounded<(PresenceEvent, MemberRecord)>(
            new BoundedChannelOptions(options.Value.QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => counters.Increment("offers.queue_dropped"));
    }

    public void OnPresence(PresenceEvent presence, MemberRecord member)
    {
        if (presence is not (MemberEntered or MemberDwelled))
        {
            return;
        }

        if (!member.Consent.PersonalisedScreens)
        {
            _counters.Increment("offers.no_screen_consent");
            return;
        }

        _queue.Writer.TryWrite((presence, member));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (presence, member) in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await _engine.DecideAsync(member, presence.Zone, null, presence.EventId, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                _counters.Increment("offers.decision_failed");
                OffersLog.DecisionFailed(_logger, member.MemberId, e);
            }
        }
    }
}
