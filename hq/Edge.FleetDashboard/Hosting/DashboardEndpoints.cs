using Edge.FleetDashboard.Alarms;
using Edge.FleetDashboard.Business;
using Edge.FleetDashboard.Components.Fragments;
using Edge.FleetDashboard.Components.Pages;
using Edge.FleetDashboard.Diagnostics;
using Edge.FleetDashboard.Fleet;
using Edge.FleetDashboard.Sparkplug;
using Edge.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Edge.FleetDashboard.Hosting;

/// <summary>
/// Pages, htmx fragments, the chart data and the two actions (acknowledge an alarm, send a command). Actions answer an
/// htmx request with the fragment to swap in, and a plain form post with a redirect, so both work.
/// </summary>
internal static class DashboardEndpoints
{
    private const int MaxNameLength = 64;

    public static WebApplication MapFleetDashboard(this WebApplication app)
    {
        app.UseStaticFiles();
        app.MapGet("/", (FleetBoard board, AlarmBook alarms, string? view) =>
            new RazorComponentResult<FleetPage>(new { Stores = Rows(board, alarms), List = view == "list" }));
        app.MapGet("/fragments/stores", (FleetBoard board, AlarmBook alarms, string? view) =>
            new RazorComponentResult<StoreGrid>(new { Stores = Rows(board, alarms), List = view == "list" }));
        app.MapGet("/stores/{storeId}", (string storeId, FleetBoard board, AlarmBook alarms, string? message) =>
            board.Store(storeId) is { } store
                ? (IResult)new RazorComponentResult<StorePage>(new { Store = store, Panel = Panel(store, alarms, message), Metrics = board.ChartableMetrics(storeId) })
                : new RazorComponentResult<NotFoundPage>(new { StoreId = storeId }) { StatusCode = StatusCodes.Status404NotFound });
        app.MapGet("/fragments/stores/{storeId}", (string storeId, FleetBoard board, AlarmBook alarms) =>
            board.Store(storeId) is { } store ? (IResult)new RazorComponentResult<StorePanel>(new { Model = Panel(store, alarms, null) }) : Results.NotFound());
        app.MapGet("/fragments/stores/{storeId}/business", async (string storeId, FleetBoard board, CloudRecordsClient cloud, CancellationToken ct) =>
        {
            var members = board.Store(storeId)?.Number(HubMetrics.MembersPresent) is { } m ? (long?)m : null;
            var figures = await cloud.FiguresAsync(storeId, members, ct).ConfigureAwait(false);
            return new RazorComponentResult<BusinessPanel>(new { StoreId = storeId, Figures = figures });
        });
        app.MapGet("/stores/{storeId}/history", (string storeId, string? metric, FleetBoard board) =>
            string.IsNullOrEmpty(metric)
                ? Results.Problem("metric is required", statusCode: StatusCodes.Status400BadRequest)
                : Results.Json(
                    new MetricHistoryResponse(storeId, metric, [.. board.History(storeId, metric).Select(p => new HistoryPoint(p.At.ToUnixTimeMilliseconds(), p.Value))]),
                    DashboardJsonContext.Default.MetricHistoryResponse));
        app.MapPost("/stores/{storeId}/alarms/{alarmId:long}/ack", AcknowledgeAsync);
        app.MapPost("/stores/{storeId}/commands/{command}", CommandAsync);
        app.MapGet("/events", LiveEvents.StreamAsync);
        return app;
    }

    private static async Task<IResult> AcknowledgeAsync(
        string storeId, long alarmId, HttpRequest request, FleetBoard board, AlarmBook alarms, DashboardCounters counters, ILogger<FleetBoard> logger, CancellationToken ct)
    {
        var form = request.HasFormContentType ? await request.ReadFormAsync(ct).ConfigureAwait(false) : null;
        var by = form?["by"].ToString().Trim() ?? string.Empty;
        string? refusal = by.Length == 0 ? "type your name first: an acknowledgement records who made it"
            : by.Length > MaxNameLength ? $"a name is at most {MaxNameLength} characters"
            : by.Any(char.IsControl) ? "a name cannot contain control characters"
            : null;
        var outcome = refusal is null ? alarms.Acknowledge(storeId, alarmId, by) : AckOutcome.NotFound;
        if (refusal is null && outcome == AckOutcome.NotFound)
        {
            refusal = $"alarm {alarmId} is not active at store {storeId} (cleared meanwhile?)";
        }

        if (refusal is not null)
        {
            counters.Refused();
            DashboardLog.RequestRefused(logger, "acknowledge: " + refusal);
            return Answer(request, storeId, board, alarms, "Not acknowledged: " + refusal, StatusCodes.Status400BadRequest);
        }

        if (outcome == AckOutcome.Acknowledged)
        {
            DashboardLog.AlarmAcknowledged(logger, alarmId, storeId, by);
            board.NotifyChanged(storeId);
        }

        return Answer(request, storeId, board, alarms, outcome == AckOutcome.Acknowledged ? $"Acknowledged by {by}." : "Someone acknowledged it already.", StatusCodes.Status200OK);
    }

    private static async Task<IResult> CommandAsync(
        string storeId, string command, HttpRequest request, FleetBoard board, SparkplugHostService host, DashboardCounters counters, ILogger<FleetBoard> logger, CancellationToken ct)
    {
        string message;
        var status = StatusCodes.Status200OK;
        var known = NodeCommands.Find(command);
        if (known is null || board.Store(storeId) is null)
        {
            counters.Refused();
            message = known is null ? $"Unknown command '{command}'." : $"Unknown store '{storeId}'.";
            DashboardLog.RequestRefused(logger, message);
            status = StatusCodes.Status404NotFound;
        }
        else
        {
            try
            {
                await host.SendAsync(storeId, known, ct).ConfigureAwait(false);
                message = known.HandledByHub
                    ? $"Sent: {known.Label} ({known.Metric})."
                    : $"Sent: {known.Label} ({known.Metric}). The hub does not handle this command yet (cloud-sync answers only Rebirth and Reboot).";
            }
            catch (MqttException ex)
            {
                message = "Not sent: the cloud broker is not reachable (" + ex.Message + ").";
                status = StatusCodes.Status503ServiceUnavailable;
            }
        }

        return IsHtmx(request)
            ? new RazorComponentResult<Notice>(new { Text = message, Error = status != StatusCodes.Status200OK }) { StatusCode = status }
            : Results.Redirect($"/stores/{Uri.EscapeDataString(storeId)}?message={Uri.EscapeDataString(message)}");
    }

    private static IResult Answer(HttpRequest request, string storeId, FleetBoard board, AlarmBook alarms, string message, int status)
    {
        if (!IsHtmx(request))
        {
            return Results.Redirect($"/stores/{Uri.EscapeDataString(storeId)}?message={Uri.EscapeDataString(message)}");
        }

        // htmx swaps only 2xx answers by default: a refusal is answered 200 with the reason in the panel, and the
        // status goes in a header for scripts and tests.
        request.HttpContext.Response.Headers["X-Dashboard-Status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return board.Store(storeId) is { } store
            ? new RazorComponentResult<StorePanel>(new { Model = Panel(store, alarms, message) })
            : Results.NotFound();
    }

    private static bool IsHtmx(HttpRequest request) => request.Headers.ContainsKey("HX-Request");

    private static StorePanelModel Panel(StoreView store, AlarmBook alarms, string? message) =>
        new(store, alarms.Active(store.StoreId), alarms.Recent(store.StoreId), NodeCommands.All, message);

    private static IReadOnlyList<StoreRow> Rows(FleetBoard board, AlarmBook alarms) =>
        [.. board.Stores().Select(s => new StoreRow(s, alarms.Active(s.StoreId)))];
}
