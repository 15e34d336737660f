using Edge.Contracts.Agent;
using Edge.Contracts.Presence;
using Edge.Kiosk.Hosting;
using Microsoft.Extensions.Options;

namespace Edge.Kiosk.Proximity;

/// <summary>
/// Who to greet at this kiosk. edge-agent issues an offer (<see cref="OfferIssued"/> on store/offers/{zone}) only for
/// members who consented to personalised screens, so an offer in this kiosk's zone is what starts a greeting; a
/// presence event saying the member left or moved to another zone ends it, and so does <see cref="Lifetime"/> of silence.
/// </summary>
internal sealed class ProximityBoard(IOptions<KioskOptions> options, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(3);

    private readonly object _gate = new();
    private Greeting? _greeting;

    public Greeting? Current
    {
        get
        {
            lock (_gate)
            {
                return _greeting is { } g && time.GetUtcNow() - g.LastSeen < Lifetime ? g : null;
            }
        }
    }

    /// <summary>Applies an offer; true when the greeting changed.</summary>
    public bool Apply(OfferIssued offer)
    {
        if (!string.Equals(offer.Zone, options.Value.Zone, StringComparison.Ordinal))
        {
            return false;
        }

        lock (_gate)
        {
            var offers = _greeting is { } g && g.MemberId == offer.MemberId
                ? [.. g.Offers.Where(o => o.CouponId != offer.Offer.CouponId), offer.Offer]
                : new List<OfferView> { offer.Offer };
            _greeting = new Greeting(offer.MemberId, offer.FirstName, offers, time.GetUtcNow());
            return true;
        }
    }

    /// <summary>Applies a presence event; true when the greeting ended.</summary>
    public bool Apply(PresenceEvent presence)
    {
        lock (_gate)
        {
            if (_greeting is not { } g || g.MemberId != presence.MemberId)
            {
                return false;
            }

            var gone = presence switch
            {
                MemberLeft => true,
                MemberMoved moved => !string.Equals(moved.Zone, options.Value.Zone, StringComparison.Ordinal),
                _ => false,
            };
            if (gone)
            {
                _greeting = null;
            }
            else
            {
                _greeting = g with { LastSeen = time.GetUtcNow() };
            }

            return gone;
        }
    }

    /// <summary>The member logged in (or out): the open-screen greeting is no longer shown.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _greeting = null;
        }
    }
}
