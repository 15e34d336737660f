using System.Text.Json;
using Edge.Contracts.Cloud;
using Edge.ReferenceCloud.Diagnostics;
using Edge.ReferenceCloud.Upstream;
using Microsoft.Extensions.Logging;

namespace Edge.ReferenceCloud.Fleet;

/// <summary>
/// Diagnostic bundles hubs send on the diagnostics stream (docs/adr/0010). The event ledger stores them like every
/// event (once per message id); this checks each new one (its type, a bundle id, its store) and serves the good ones:
/// a listing newest first, the latest, or one by id. A bundle that fails the checks is counted and logged, and not served.
/// </summary>
internal sealed class HubDiagnostics(EventLedger ledger, HubEventCounters counters, ILogger<HubDiagnostics> logger)
{
    public const int MaxListed = 100;

    public void Check(string storeId, UpMessage message)
    {
        if (TryRead(storeId, message.Event, out _, out _, out var reason))
        {
            counters.Add("diagnostics.stored");
            return;
        }

        counters.Add("diagnostics.refused." + HubEventCounters.Code(reason));
        CloudLog.DiagnosticBundleRefused(logger, storeId, message.MessageId, reason);
    }

    public BundleListing List(string storeId)
    {
        var bundles = Good(storeId).Select(b => b.Summary).ToList();
        return new BundleListing(bundles.FirstOrDefault(), bundles);
    }

    /// <summary>The bundle's body as the hub sent it; the latest when <paramref name="bundleId"/> is null; null when there is none.</summary>
    public JsonElement? Find(string storeId, string? bundleId) =>
        Good(storeId).FirstOrDefault(b => bundleId is null || b.Summary.BundleId == bundleId) is { Summary: not null } found ? found.Body : null;

    private IEnumerable<(BundleSummary Summary, JsonElement Body)> Good(string storeId)
    {
        foreach (var e in ledger.ReadNewest(storeId, HubStreams.Diagnostics, MaxListed))
        {
            JsonElement envelope;
            try
            {
                using var doc = JsonDocument.Parse(e.Event);
                envelope = doc.RootElement.Clone();
            }
            catch (JsonException)
            {
                continue;
            }

            if (TryRead(storeId, envelope, out var id, out var body, out _))
            {
                var generatedAt = body.TryGetProperty("generatedAt", out var g) && g.TryGetDateTimeOffset(out var at) ? at : e.CreatedAt;
                yield return (new BundleSummary(id!, generatedAt, e.ReceivedAt, System.Text.Encoding.UTF8.GetByteCount(body.GetRawText())), body);
            }
        }
    }

    private static bool TryRead(string storeId, JsonElement envelope, out string? bundleId, out JsonElement body, out string reason)
    {
        bundleId = null;
        if (!HubEvent.TryBody(envelope, HubStreams.DiagnosticBundleType, out body, out reason))
        {
            return false;
        }

        bundleId = body.TryGetProperty("bundleId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        if (!CloudEnvelopeRules.IsValidMessageId(bundleId))
        {
            reason = "bad-bundle-id: bundleId must be 1-128 of [A-Za-z0-9._:-]";
            return false;
        }

        var store = body.TryGetProperty("storeId", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        if (store != storeId)
        {
            reason = $"other-store: the bundle names store '{store}' but came from store '{storeId}'";
            return false;
        }

        return true;
    }
}
