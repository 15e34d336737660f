using System.Net.Http.Json;
using System.Text.Json;
using Edge.Contracts.Agent;
using Edge.Contracts.Cloud;
using Edge.FleetDashboard.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Edge.FleetDashboard.Business;

/// <summary>
/// Reads a store's up-stream records from the reference cloud (GET /api/stores/{store}/events?stream=) and counts the
/// business events: offer decisions (treated and holdout), redemptions, proof of play, staff-alert outcomes. Members
/// present comes from the Sparkplug metric the caller passes. Never throws for a cloud that is down or answers garbage:
/// the figures are then null and <see cref="BusinessFigures.CloudStatus"/> says why.
/// </summary>
internal sealed class CloudRecordsClient(HttpClient http, ILogger<CloudRecordsClient> logger)
{
    private const int Limit = 100_000;

    public async Task<BusinessFigures> FiguresAsync(string storeId, long? membersPresent, CancellationToken cancellationToken)
    {
        if (http.BaseAddress is null)
        {
            return new BusinessFigures(membersPresent, null, null, null, null, null, null, "cloud records not configured (FleetDashboard:CloudUrl)");
        }

        try
        {
            var offers = await ReadAsync(storeId, OutboxStreams.OffersIssued, cancellationToken).ConfigureAwait(false);
            var redemptions = await ReadAsync(storeId, OutboxStreams.Redemptions, cancellationToken).ConfigureAwait(false);
            var plays = await ReadAsync(storeId, OutboxStreams.ProofOfPlay, cancellationToken).ConfigureAwait(false);
            var alerts = await ReadAsync(storeId, OutboxStreams.AlertOutcomes, cancellationToken).ConfigureAwait(false);
            long treated = 0, holdout = 0;
            foreach (var decision in offers.Select(Decision).OfType<OfferDecisionEvent>())
            {
                treated += !decision.Control && decision.CouponId is not null ? 1 : 0;
                holdout += decision.Control ? 1 : 0;
            }

            return new BusinessFigures(
                membersPresent, treated, holdout, redemptions.Count,
                alerts.Count == 0 ? null : alerts.Count, // edge-agent does not publish alert outcomes yet
                plays.Count, KioskSessions: null, "from the reference cloud's records");
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException or NotSupportedException)
        {
            DashboardLog.CloudRecordsFailed(logger, storeId, ex.Message);
            return new BusinessFigures(membersPresent, null, null, null, null, null, null, "cloud records unavailable: " + ex.Message);
        }
    }

    private async Task<IReadOnlyList<CloudRecord>> ReadAsync(string storeId, string stream, CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync(
            $"api/stores/{Uri.EscapeDataString(storeId)}/events?stream={Uri.EscapeDataString(stream)}&limit={Limit}",
            BusinessJsonContext.Default.IReadOnlyListCloudRecord,
            cancellationToken).ConfigureAwait(false) ?? [];

    /// <summary>The offer decision inside a record, or null for one that does not read as such (counted as nothing).</summary>
    private static OfferDecisionEvent? Decision(CloudRecord record)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize(record.Event, CloudJsonContext.Default.OutboxEvent);
            return envelope is null ? null : envelope.Body.Deserialize(AgentBusJsonContext.Default.OfferDecisionEvent);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
