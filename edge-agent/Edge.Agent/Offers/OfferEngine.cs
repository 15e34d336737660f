using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Edge.Agent.Bus;
using Edge.Agent.Members;
using Edge.Agent.Storage;
using Edge.Contracts.Agent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Offers;

/// <summary>
/// Decides the offer for a member at a trigger (presence event or kiosk login): holdout, cooldown, eligibility and
/// caps, one batched score, rank by probability x value, then one write that issues the coupon, records the decision
/// and appends its outbox event together. Idempotent: the decision id derives from the trigger, the coupon id from
/// (member, offer, day), so a replayed trigger returns the first decision and never a second coupon.
/// </summary>
internal sealed class OfferEngine(
    OfferCatalog catalog,
    OfferScorer scorer,
    AgentDatabase database,
    AgentWriter writer,
    BusPublisher publisher,
    OutboxSignal outbox,
    IOptions<OffersOptions> options,
    TimeProvider time,
    AgentCounters counters,
    ILogger<OfferEngine> logger)
{
    public async Task<OfferDecision> DecideAsync(MemberRecord member, string zone, string? kioskId, string triggerId, CancellationToken cancellationToken)
    {
        var decisionId = "dec-" + Hash(triggerId + "|" + member.MemberId)[..24];
        var previous = database.Read(c => c.Scalar("SELECT coupon_id FROM decisions WHERE trigger_id = $1;", decisionId));
        if (database.Read(c => c.Long("SELECT count(*) FROM decisions WHERE trigger_id = $1;", decisionId)) > 0)
        {
            counters.Increment("offers.decision_replayed");
            return new OfferDecision(decisionId, false, previous is string previousCoupon ? FindCoupon(previousCoupon) : null, DecisionSource.Rules, "replayed trigger", true);
        }

        var o = options.Value;
        var now = time.GetUtcNow();
        var day = now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // A holdout member goes through the same cooldown, eligibility, caps and scoring as everyone else, so the offer
        // they WOULD have been given is known (recorded, nothing issued): their purchases of it are the baseline that
        // uplift is measured against (HoldoutConversions). Their cooldown runs from that would-be offer.
        var holdout = InHoldout(member.MemberId, o);
        if (holdout)
        {
            counters.Increment("offers.holdout");
        }

        var lastIssued = database.Read(c => c.Scalar(
            holdout
                ? "SELECT max(decided_at) FROM decisions WHERE member_id = $1 AND control = 1 AND offer_id IS NOT NULL;"
                : "SELECT max(issued_at) FROM coupons WHERE member_id = $1;",
            member.MemberId)) as string;
        if (lastIssued is not null && now - DateTimeOffset.Parse(lastIssued, CultureInfo.InvariantCulture) < o.MemberCooldown)
        {
            counters.Increment("offers.cooldown");
            await RecordAsync(decisionId, member, zone, kioskId, now, holdout, null, null, DecisionSource.Rules, null, null, Reason(holdout, "cooldown"), cancellationToken).ConfigureAwait(false);
            return new OfferDecision(decisionId, holdout, null, DecisionSource.Rules, Reason(holdout, "cooldown"), false);
        }

        var interests = new MemberInterests(member.MemberId, member.Tier, new HashSet<string>(member.Interests, StringComparer.OrdinalIgnoreCase));
        var candidates = database.Read(c => Eligible(c, catalog.Offers, interests, zone, member.MemberId, now, day));
        var stats = database.Read(c => Stats(c, member.MemberId));
        var scores = scorer.Score(stats, interests, candidates, member.Consent.OfferProfiling, cancellationToken);
        var best = Best(scores.Probabilities, candidates);
        if (scores.Shadow is { } shadow && best >= 0)
        {
            CompareShadow(decisionId, scores, shadow, candidates, best);
        }

        if (best < 0)
        {
            counters.Increment("offers.nothing_eligible");
            await RecordAsync(decisionId, member, zone, kioskId, now, holdout, null, null, scores.Source, null, scores.ModelVersion, Reason(holdout, "nothing eligible"), cancellationToken).ConfigureAwait(false);
            return new OfferDecision(decisionId, holdout, null, scores.Source, Reason(holdout, "nothing eligible"), false);
        }

        var offer = candidates[best];
        var couponId = "cpn-" + Hash(member.MemberId + "|" + offer.OfferId + "|" + day)[..20];
        var validUntil = now + o.CouponValidity < offer.ValidTo ? now + o.CouponValidity : offer.ValidTo;
        var view = new OfferView(couponId, offer.OfferId, offer.Title, offer.ProductId, offer.Category, offer.DiscountKind, offer.DiscountValue, validUntil, CouponStatus.Issued, scores.Source);
        var probability = (double)scores.Probabilities[best];
        if (holdout)
        {
            await RecordAsync(decisionId, member, zone, kioskId, now, control: true, view, offer, scores.Source, probability, scores.ModelVersion, "holdout", cancellationToken).ConfigureAwait(false);
            return new OfferDecision(decisionId, true, null, scores.Source, "holdout", false);
        }

        var issued = await RecordAsync(decisionId, member, zone, kioskId, now, control: false, view, offer, scores.Source, probability, scores.ModelVersion, scores.FallbackReason, cancellationToken).ConfigureAwait(false);
        if (!issued)
        {
            return new OfferDecision(decisionId, false, null, scores.Source, "caps reached while deciding", false);
        }

        counters.Increment(scores.Source == DecisionSource.Model ? "offers.issued_model" : "offers.issued_rules");
        OffersLog.Decided(logger, decisionId, member.MemberId, zone, $"{offer.OfferId} by {scores.Source} (p={probability:F3})");
        await publisher.PublishAsync(
            AgentTopics.OffersFor(zone),
            new OfferIssued(couponId, member.MemberId, member.FirstName, zone, kioskId, view, now),
            AgentBusJsonContext.Default.OfferIssued,
            retain: false,
            cancellationToken).ConfigureAwait(false);
        return new OfferDecision(decisionId, false, view, scores.Source, scores.FallbackReason, false);
    }

    /// <summary>The candidate with the highest expected value (probability x value), or -1 when there is none.</summary>
    internal static int Best(float[] probabilities, IReadOnlyList<OfferDefinition> candidates)
    {
        var best = -1;
        var bestValue = double.NegativeInfinity;
        for (var i = 0; i < candidates.Count; i++)
        {
            var value = probabilities[i] * (double)candidates[i].Value;
            if (value > bestValue)
            {
                best = i;
                bestValue = value;
            }
        }

        return best;
    }

    /// <summary>Logs what the shadow model would have picked beside what decided, ranked the same way; counts agreement.</summary>
    private void CompareShadow(string decisionId, OfferScores scores, ShadowScores shadow, IReadOnlyList<OfferDefinition> candidates, int best)
    {
        var shadowBest = Best(shadow.Probabilities, candidates);
        if (shadowBest < 0)
        {
            counters.Increment("offers.shadow_failed"); // no finite score for any candidate (NaN)
            return;
        }

        counters.Increment("offers.shadow_scored");
        if (shadowBest == best)
        {
            counters.Increment("offers.shadow_agreed");
        }

        OffersLog.ShadowCompared(
            logger,
            decisionId,
            scores.ModelVersion ?? "rules",
            candidates[best].OfferId,
            scores.Probabilities[best],
            shadow.Version,
            candidates[shadowBest].OfferId,
            shadow.Probabilities[shadowBest]);
    }

    public OfferView? FindCoupon(string couponId) => database.Read(c =>
    {
        using var command = c.Command("SELECT c.offer_id, c.valid_until, c.status, c.decided_by FROM coupons c WHERE c.coupon_id = $1;", couponId);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var offer = catalog.Offers.FirstOrDefault(x => x.OfferId == reader.GetString(0));
        return offer is null ? null : new OfferView(couponId, offer.OfferId, offer.Title, offer.ProductId, offer.Category, offer.DiscountKind, offer.DiscountValue,
            DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture), Enum.Parse<CouponStatus>(reader.GetString(2)), Enum.Parse<DecisionSource>(reader.GetString(3)));
    });

    internal static bool InHoldout(string memberId, OffersOptions o)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(o.HoldoutSalt + "|" + memberId));
        return BitConverter.ToUInt32(hash, 0) / (double)uint.MaxValue < o.HoldoutShare;
    }

    private static string Reason(bool holdout, string reason) => holdout ? "holdout, " + reason : reason;

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static List<OfferDefinition> Eligible(SqliteConnection c, IReadOnlyList<OfferDefinition> offers, MemberInterests member, string zone, string memberId, DateTimeOffset now, string day)
    {
        var result = new List<OfferDefinition>();
        foreach (var offer in offers)
        {
            if (now < offer.ValidFrom || now >= offer.ValidTo
                || (offer.Tiers is { Count: > 0 } tiers && !tiers.Contains(member.Tier, StringComparer.OrdinalIgnoreCase))
                || (offer.Interests is { Count: > 0 } wanted && !wanted.Any(member.Interests.Contains))
                || (offer.Zones is { Count: > 0 } zones && !zones.Contains(zone, StringComparer.OrdinalIgnoreCase))
                || !UnderCaps(c, offer, memberId, day))
            {
                continue;
            }

            result.Add(offer);
        }

        return result;
    }

    private static bool UnderCaps(SqliteConnection c, OfferDefinition offer, string memberId, string day) =>
        c.Long("SELECT count(*) FROM coupons WHERE offer_id = $1;", offer.OfferId) < offer.Budget
        && c.Long("SELECT count(*) FROM coupons WHERE offer_id = $1 AND issued_day = $2;", offer.OfferId, day) < offer.PerDayCap
        && c.Long("SELECT count(*) FROM coupons WHERE offer_id = $1 AND member_id = $2;", offer.OfferId, memberId) < offer.PerMemberCap;

    private static bool UnderCaps(SqliteTransaction tx, OfferDefinition offer, string memberId, string day) =>
        tx.Long("SELECT count(*) FROM coupons WHERE offer_id = $1;", offer.OfferId) < offer.Budget
        && tx.Long("SELECT count(*) FROM coupons WHERE offer_id = $1 AND issued_day = $2;", offer.OfferId, day) < offer.PerDayCap
        && tx.Long("SELECT count(*) FROM coupons WHERE offer_id = $1 AND member_id = $2;", offer.OfferId, memberId) < offer.PerMemberCap;

    internal static MemberStats Stats(SqliteConnection c, string memberId)
    {
        var received = (int)c.Long("SELECT count(*) FROM coupons WHERE member_id = $1;", memberId);
        var redeemed = (int)c.Long("SELECT count(*) FROM redemptions WHERE member_id = $1;", memberId);
        using var command = c.Command("SELECT lines, spend, departments FROM member_stats WHERE member_id = $1;", memberId);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return new MemberStats(received, redeemed, 0, 0, new Dictionary<string, int>());
        }

        var departments = JsonSerializer.Deserialize(reader.GetString(2), AgentJsonContext.Default.DictionaryStringInt32) ?? [];
        return new MemberStats(received, redeemed, (int)reader.GetInt64(0), reader.GetDouble(1), departments);
    }

    private async Task<bool> RecordAsync(
        string decisionId, MemberRecord member, string zone, string? kioskId, DateTimeOffset now, bool control, OfferView? coupon, OfferDefinition? offer,
        DecisionSource source, double? probability, string? modelVersion, string? reason, CancellationToken cancellationToken)
    {
        var at = now.ToString("O", CultureInfo.InvariantCulture);
        var day = now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var issued = await writer.WriteAsync(tx =>
        {
            if (tx.Long("SELECT count(*) FROM decisions WHERE trigger_id = $1;", decisionId) > 0)
            {
                return false;
            }

            // Caps are checked again inside the one writer: two decisions racing for the last coupon cannot both win.
            var issue = !control && coupon is not null && offer is not null && UnderCaps(tx, offer, member.MemberId, day);
            // A holdout decision keeps the offer it would have issued (and its would-be validity), never a coupon.
            var wouldBe = control && coupon is not null && offer is not null;
            if (issue)
            {
                issue = tx.Execute(
                    "INSERT OR IGNORE INTO coupons(coupon_id, offer_id, member_id, issued_at, issued_day, valid_until, status, decided_by, probability, zone) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10);",
                    coupon!.CouponId, offer!.OfferId, member.MemberId, at, day, coupon.ValidUntil.ToString("O", CultureInfo.InvariantCulture), nameof(CouponStatus.Issued), source.ToString(), probability, zone) == 1;
            }

            tx.Execute(
                """
                INSERT INTO decisions(trigger_id, member_id, decided_at, source, control, coupon_id, detail, offer_id, offer_product, offer_category, valid_until)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11);
                """,
                decisionId, member.MemberId, at, source.ToString(), control ? 1 : 0, issue ? coupon!.CouponId : null, reason ?? string.Empty,
                issue || wouldBe ? offer!.OfferId : null, wouldBe ? offer!.ProductId : null, wouldBe ? offer!.Category : null,
                wouldBe ? HoldoutConversions.At(coupon!.ValidUntil) : null);
            AgentOutbox.Append(tx, OutboxStreams.OffersIssued, "offer.decided", "offer-decision:" + decisionId, now,
                new OfferDecisionEvent(decisionId, member.MemberId, zone, kioskId, control, issue ? coupon!.CouponId : null, issue || wouldBe ? offer!.OfferId : null,
                    source, probability, modelVersion, reason, now),
                AgentBusJsonContext.Default.OfferDecisionEvent);
            return issue;
        }, cancellationToken).ConfigureAwait(false);
        outbox.Notify();
        return issued;
    }
}
