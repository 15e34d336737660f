using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Edge.Contracts.Agent;
using Edge.Contracts.Cloud;
using Edge.FleetDashboard.Business;

namespace Edge.FleetDashboard.Tests.Support;

/// <summary>
/// edge-agent's up-stream events as its outbox writes them (message ids as edge-agent keys them), both as the cloud's
/// records (for the tally's unit tests) and as up batches (for the real reference cloud).
/// </summary>
internal static class UpRecords
{
    public static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static (string Id, string Type, JsonElement Body) Treated(string decisionId, string? couponId) => Decision(decisionId, false, couponId, couponId is null ? null : "o-1");

    public static (string Id, string Type, JsonElement Body) Holdout(string decisionId, string? wouldBeOfferId) => Decision(decisionId, true, null, wouldBeOfferId);

    public static (string Id, string Type, JsonElement Body) Redemption(string couponId) =>
        ("redemption:" + couponId, "coupon.redeemed", Body(new RedemptionEvent(couponId, "o-1", "m-1", "t-" + couponId, At), AgentBusJsonContext.Default.RedemptionEvent));

    public static (string Id, string Type, JsonElement Body) Conversion(string decisionId) =>
        ("holdout-conversion:" + decisionId, "offer.holdout-converted", Body(new HoldoutConversionEvent(decisionId, "o-1", At), AgentBusJsonContext.Default.HoldoutConversionEvent));

    public static (string Id, string Type, JsonElement Body) AlertHour(int hour, int raised, int claimed, int escalated, int expired, int withdrawn, double? median, double? total)
    {
        var start = At.Date.AddHours(hour);
        return ("alert-outcomes:" + start.ToString("yyyy-MM-dd'T'HH':00:00Z'", System.Globalization.CultureInfo.InvariantCulture), "alerts.hourly",
            Body(new AlertOutcomesEvent(new DateTimeOffset(start, TimeSpan.Zero), raised, claimed, escalated, expired, withdrawn, median, total), AgentBusJsonContext.Default.AlertOutcomesEvent));
    }

    public static (string Id, string Type, JsonElement Body) Play(string id) => ("play:" + id, "signage.played", JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["slide"] = id }));

    public static (string Id, string Type, JsonElement Body) Junk(string id) => (id, "offer.decided", JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["what"] = "not an event" }));

    /// <summary>The records as the cloud's API returns them (sequence from 1).</summary>
    public static (string Id, string Type, JsonElement Body) KioskSession(string id) =>
        ("kiosk-session:" + id, "kiosk.session-started", JsonSerializer.SerializeToElement(new KioskSessionEvent("kiosk-1", "phone", DateTimeOffset.UnixEpoch), AgentBusJsonContext.Default.KioskSessionEvent));

    public static CloudRecord[] Records(string stream, params (string Id, string Type, JsonElement Body)[] events) =>
        [.. events.Select((e, i) => new CloudRecord(e.Id, stream, i + 1, At, JsonSerializer.Serialize(Envelope(e), CloudJsonContext.Default.OutboxEvent)))];

    /// <summary>One up batch of <paramref name="stream"/>, sequences from <paramref name="firstSequence"/>.</summary>
    public static byte[] Batch(string store, string stream, long firstSequence, params (string Id, string Type, JsonElement Body)[] events) =>
        JsonSerializer.SerializeToUtf8Bytes(
            new UpBatch(store, "hub-1", stream, At, [.. events.Select((e, i) => new UpMessage(e.Id, firstSequence + i, At, null, JsonSerializer.SerializeToElement(Envelope(e), CloudJsonContext.Default.OutboxEvent)))]),
            CloudJsonContext.Default.UpBatch);

    private static OutboxEvent Envelope((string Id, string Type, JsonElement Body) e) => new(e.Id, e.Type, At, e.Body);

    private static (string, string, JsonElement) Decision(string decisionId, bool control, string? couponId, string? offerId) =>
        ("offer-decision:" + decisionId, "offer.decided",
            Body(new OfferDecisionEvent(decisionId, "m-1", "zone-0", null, control, couponId, offerId, DecisionSource.Model, 0.7, "v1", control ? "holdout" : null, At), AgentBusJsonContext.Default.OfferDecisionEvent));

    private static JsonElement Body<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToElement(value, type);
}
