using System.Globalization;
using Edge.Agent.Bus;
using Edge.Agent.Members;
using Edge.Agent.Offers;
using Edge.Agent.Storage;
using Edge.Contracts.Agent;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Sessions;

/// <summary>
/// The logged-in member's coupons: the current ones (issued or saved, still valid), best first; at login, when the
/// member has none, the <see cref="OfferEngine"/> decides one with trigger "kiosk-login:{sessionId}" (holdout,
/// cooldown and caps apply as for presence). Saving to the app is idempotent and appends the phone's outbox event
/// in the same transaction as the status change.
/// </summary>
internal sealed class SessionOffers(
    AgentDatabase database,
    AgentWriter writer,
    OfferEngine engine,
    OutboxSignal outbox,
    IOptions<LoginOptions> options,
    TimeProvider time,
    AgentCounters counters,
    ILogger<SessionOffers> logger)
{
    /// <summary>Zone used for offer eligibility when the kiosk is not in <see cref="LoginOptions.KioskZones"/>.</summary>
    public const string DefaultZone = "kiosk";

    public IReadOnlyList<OfferView> Current(string memberId)
    {
        var now = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        var ids = database.Read(c =>
        {
            using var command = c.Command(
                "SELECT coupon_id FROM coupons WHERE member_id = $1 AND status IN ($2, $3) AND valid_until > $4 ORDER BY coalesce(probability, 0) DESC, issued_at DESC;",
                memberId, nameof(CouponStatus.Issued), nameof(CouponStatus.SavedToApp), now);
            using var reader = command.ExecuteReader();
            var list = new List<string>();
            while (reader.Read())
            {
                list.Add(reader.GetString(0));
            }

            return list;
        });
        return [.. ids.Select(engine.FindCoupon).OfType<OfferView>()];
    }

    public async Task DecideAtLoginAsync(MemberRecord member, KioskSession session, CancellationToken cancellationToken)
    {
        if (Current(member.MemberId).Count > 0)
        {
            return;
        }

        try
        {
            var zone = options.Value.KioskZones.GetValueOrDefault(session.KioskId, DefaultZone);
            var decision = await engine.DecideAsync(member, zone, session.KioskId, "kiosk-login:" + session.SessionId, cancellationToken).ConfigureAwait(false);
            counters.Increment(decision.Coupon is null ? "sessions.login_offer_none" : "sessions.login_offer_issued");
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            counters.Increment("sessions.login_offer_failed");
            SessionsLog.OfferAtLoginFailed(logger, e);
        }
    }

    /// <summary>The saved coupon, or why not: "unknown_coupon" (not this member's), "coupon_redeemed", "coupon_expired".</summary>
    public async Task<(OfferView? Coupon, string? Refusal)> SaveAsync(KioskSession session, string couponId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var refusal = await writer.WriteAsync(tx =>
        {
            string offerId, status, validUntil;
            using (var command = tx.Command("SELECT offer_id, status, valid_until FROM coupons WHERE coupon_id = $1 AND member_id = $2;", couponId, session.MemberId))
            using (var reader = command.ExecuteReader())
            {
                if (!reader.Read())
                {
                    return "unknown_coupon";
                }

                (offerId, status, validUntil) = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
            }

            if (status == nameof(CouponStatus.Redeemed))
            {
                return "coupon_redeemed";
            }

            var until = DateTimeOffset.Parse(validUntil, CultureInfo.InvariantCulture);
            if (until <= now)
            {
                return "coupon_expired";
            }

            if (status == nameof(CouponStatus.SavedToApp))
            {
                return null; // saved before: same answer, no second event
            }

            tx.Execute("UPDATE coupons SET status = $2 WHERE coupon_id = $1;", couponId, nameof(CouponStatus.SavedToApp));
            AgentOutbox.Append(tx, OutboxStreams.CouponSaves, "coupon.saved-to-app", "coupon-saved:" + couponId, now,
                new CouponSavedEvent(couponId, offerId, session.MemberId, session.KioskId, until, now), AgentEventJsonContext.Default.CouponSavedEvent);
            return (string?)null;
        }, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return (null, refusal);
        }

        outbox.Notify();
        counters.Increment("sessions.coupon_saved");
        SessionsLog.CouponSaved(logger, couponId);
        return (engine.FindCoupon(couponId), null);
    }
}
