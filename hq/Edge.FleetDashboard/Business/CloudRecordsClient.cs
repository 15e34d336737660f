using System.Net.Http.Json;
using System.Text.Json;
using Edge.Contracts.Agent;
using Edge.FleetDashboard.Diagnostics;
using Edge.FleetDashboard.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.FleetDashboard.Business;

/// <summary>
/// Reads a store's up-stream records from the reference cloud (GET /api/stores/{store}/events?stream=) and computes the
/// business figures from them (<see cref="BusinessTally"/>): offers and redemptions, the holdout group and its
/// conversions, staff-alert hourly outcomes, proof of play, kiosk sessions (logins). Members present comes from the Sparkplug metric the caller
/// passes. Never throws for a cloud that is down or answers garbage: the figures are then null and
/// <see cref="BusinessFigures.CloudStatus"/> says why; records that do not read as their stream's event are skipped,
/// logged and counted (<see cref="DashboardCounters.CloudRecordsUnreadable"/>).
/// </summary>
internal sealed class CloudRecordsClient(HttpClient http, DashboardCounters counters, ILogger<CloudRecordsClient> logger)
{
    private const int Limit = 100_000;

    public async Task<BusinessFigures> FiguresAsync(string storeId, long? membersPresent, CancellationToken cancellationToken)
    {
        if (http.BaseAddress is null)
        {
            return BusinessFigures.Unavailable(membersPresent, "cloud records not configured (FleetDashboard:CloudUrl)");
        }

        try
        {
            var offers = await ReadAsync(storeId, OutboxStreams.OffersIssued, cancellationToken).ConfigureAwait(false);
            var redemptions = await ReadAsync(storeId, OutboxStreams.Redemptions, cancellationToken).ConfigureAwait(false);
            var conversions = await ReadAsync(storeId, OutboxStreams.HoldoutConversions, cancellationToken).ConfigureAwait(false);
            var plays = await ReadAsync(storeId, OutboxStreams.ProofOfPlay, cancellationToken).ConfigureAwait(false);
            var alerts = await ReadAsync(storeId, OutboxStreams.AlertOutcomes, cancellationToken).ConfigureAwait(false);
            var sessions = await ReadAsync(storeId, OutboxStreams.KioskSessions, cancellationToken).ConfigureAwait(false);
            var tally = new BusinessTally();
            var figures = new BusinessFigures(
                membersPresent,
                tally.Offers(offers, redemptions, conversions),
                tally.Alerts(alerts),
                BusinessTally.Distinct(plays),
                BusinessTally.Distinct(sessions),
                "from the reference cloud's records");
            if (tally.Unreadable > 0)
            {
                counters.Unreadable(tally.Unreadable);
                DashboardLog.CloudRecordsUnreadable(logger, storeId, tally.Unreadable);
            }

            return figures;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException or NotSupportedException)
        {
            DashboardLog.CloudRecordsFailed(logger, storeId, ex.Message);
            return BusinessFigures.Unavailable(membersPresent, "cloud records unavailable: " + ex.Message);
        }
    }

    private async Task<IReadOnlyList<CloudRecord>> ReadAsync(string storeId, string stream, CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync(
            $"api/stores/{Uri.EscapeDataString(storeId)}/events?stream={Uri.EscapeDataString(stream)}&limit={Limit}",
            BusinessJsonContext.Default.IReadOnlyListCloudRecord,
            cancellationToken).ConfigureAwait(false) ?? [];
}
