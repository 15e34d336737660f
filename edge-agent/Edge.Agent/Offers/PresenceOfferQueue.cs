using Edge.Agent.Members;
using Edge.Contracts.Presence;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Offers;

/// <summary>
/// Entered and Dwelled presence events of members who consent to personalised screens wait here for a decision.
/// Bounded: when full the OLDEST waiting event is dropped (the shopper has likely moved on) and counted.
/// </summary>
internal sealed class PresenceOfferQueue(OfferEngine engine, IOptions<OffersOptions> options, AgentCounters counters, ILogger<PresenceOfferQueue> logger)
    : PresenceWorkQueue<PresenceEvent>(options.Value.QueueCapacity, () => counters.Increment("offers.queue_dropped"))
{
    protected override PresenceEvent? Select(PresenceEvent presence, MemberRecord member)
    {
        if (presence is not (MemberEntered or MemberDwelled))
        {
            return null;
        }

        if (!member.Consent.PersonalisedScreens)
        {
            counters.Increment("offers.no_screen_consent");
            return null;
        }

        return presence;
    }

    protected override Task ProcessAsync(PresenceEvent presence, MemberRecord member, CancellationToken cancellationToken) =>
        engine.DecideAsync(member, presence.Zone, null, presence.EventId, cancellationToken);

    protected override void OnFailed(MemberRecord member, Exception error)
    {
        counters.Increment("offers.decision_failed");
        OffersLog.DecisionFailed(logger, member.MemberId, error);
    }
}
