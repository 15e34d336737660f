using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Edge.Contracts.Agent;
using Edge.Contracts.Cloud;

namespace Edge.FleetDashboard.Business;

/// <summary>
/// Computes a store's figures from its up-stream records, each idempotency key (the record's message id) once. A
/// record that does not read as its stream's event is skipped and counted in <see cref="Unreadable"/>.
/// </summary>
internal sealed class BusinessTally
{
    public int Unreadable { get; private set; }

    public OfferFigures Offers(IEnumerable<CloudRecord> decisions, IEnumerable<CloudRecord> redemptions, IEnumerable<CloudRecord> conversions)
    {
        var coupons = new HashSet<string>(StringComparer.Ordinal);
        var holdout = new HashSet<string>(StringComparer.Ordinal);
        foreach (var decision in Read(decisions, AgentBusJsonContext.Default.OfferDecisionEvent))
        {
            if (!decision.Control && decision.CouponId is { } coupon)
            {
                coupons.Add(coupon);
            }
            else if (decision.Control && decision.OfferId is not null)
            {
                holdout.Add(decision.DecisionId);
            }
        }

        // Only redemptions of coupons issued and conversions of holdout decisions in these records: both rates then share
        // their numerator's and denominator's window (a coupon issued before the records' start is in neither).
        var redeemed = Read(redemptions, AgentBusJsonContext.Default.RedemptionEvent).Select(r => r.CouponId).Where(coupons.Contains).Distinct(StringComparer.Ordinal).LongCount();
        var converted = Read(conversions, AgentBusJsonContext.Default.HoldoutConversionEvent).Select(c => c.DecisionId).Where(holdout.Contains).Distinct(StringComparer.Ordinal).LongCount();
        return new OfferFigures(coupons.Count, redeemed, holdout.Count, converted);
    }

    public AlertFigures? Alerts(IEnumerable<CloudRecord> records)
    {
        var hours = Read(records, AgentBusJsonContext.Default.AlertOutcomesEvent).ToList();
        if (hours.Count == 0)
        {
            return null;
        }

        var timed = hours.Where(h => h.TotalSecondsToClaim is not null).ToList();
        var claimsTimed = timed.Sum(h => (long)h.Claimed);
        return new AlertFigures(
            hours.Count,
            hours.Sum(h => (long)h.Raised),
            hours.Sum(h => (long)h.Claimed),
            hours.Sum(h => (long)h.Escalated),
            hours.Sum(h => (long)h.Expired),
            hours.Sum(h => (long)h.Withdrawn),
            claimsTimed,
            claimsTimed > 0 ? timed.Sum(h => h.TotalSecondsToClaim!.Value) / claimsTimed : null);
    }

    public static long Distinct(IEnumerable<CloudRecord> records) => records.Select(r => r.MessageId).Distinct(StringComparer.Ordinal).LongCount();

    /// <summary>The events inside the records, one per message id; a record that does not read as <typeparamref name="T"/> is counted and skipped.</summary>
    private IEnumerable<T> Read<T>(IEnumerable<CloudRecord> records, JsonTypeInfo<T> type)
        where T : class
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (!seen.Add(record.MessageId))
            {
                continue;
            }

            T? value;
            try
            {
                value = JsonSerializer.Deserialize(record.Event, CloudJsonContext.Default.OutboxEvent)?.Body.Deserialize(type);
            }
            catch (JsonException)
            {
                value = null;
            }

            if (value is null || !Complete(value))
            {
                Unreadable++;
                continue;
            }

            yield return value;
        }
    }

    /// <summary>Required fields present (the generated reader leaves a missing string null rather than refusing it).</summary>
    private static bool Complete<T>(T value) => value switch
    {
        OfferDecisionEvent d => !string.IsNullOrEmpty(d.DecisionId),
        RedemptionEvent r => !string.IsNullOrEmpty(r.CouponId),
        HoldoutConversionEvent c => !string.IsNullOrEmpty(c.DecisionId),
        AlertOutcomesEvent a => a.Hour != default && a.Raised >= 0 && a.Claimed >= 0 && a.Claimed <= a.Raised,
        _ => true,
    };
}
