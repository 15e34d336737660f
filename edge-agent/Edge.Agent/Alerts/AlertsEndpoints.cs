using Edge.Agent.Api;
using Edge.Contracts.Agent;

namespace Edge.Agent.Alerts;

/// <summary>The wearable's routes: clerk status, one-tap claim, and the quiet switch. Bad input: 400 ApiError with the reason, counted.</summary>
internal static class AlertsEndpoints
{
    public static IEndpointRouteBuilder MapStaffAlerts(this IEndpointRouteBuilder app)
    {
        var wearable = app.MapGroup(string.Empty).RequireCaller(AgentCaller.Wearable);

        wearable.MapPut(AgentRoutes.ClerkStatus, async (string clerkId, HttpContext context, ClerkRoster roster, AgentCounters counters, CancellationToken cancellationToken) =>
        {
            if (!ApiInput.IsId(clerkId))
            {
                return ApiInput.BadRequest(counters, "alerts.bad_status", "bad_clerk_id", "clerkId must be 1-64 characters of A-Z a-z 0-9 . _ : -");
            }

            var status = await ApiInput.ReadAsync(context, AgentApiJsonContext.Default.ClerkStatusRequest, cancellationToken).ConfigureAwait(false);
            if (status is null)
            {
                return ApiInput.BadRequest(counters, "alerts.bad_status", "bad_request", "body must be a ClerkStatusRequest JSON object {onShift, busy, zone}");
            }

            if (status.OnShift && !ApiInput.IsId(status.Zone))
            {
                return ApiInput.BadRequest(counters, "alerts.bad_status", "bad_zone", "an on-shift clerk needs a zone of 1-64 characters of A-Z a-z 0-9 . _ : -");
            }

            await roster.SetAsync(clerkId, status, cancellationToken).ConfigureAwait(false);
            return Results.NoContent();
        });

        wearable.MapPost(AgentRoutes.ClaimAlert, async (string alertId, HttpContext context, StaffAlertService alerts, AgentCounters counters, CancellationToken cancellationToken) =>
        {
            if (!ApiInput.IsId(alertId))
            {
                return ApiInput.BadRequest(counters, "alerts.bad_claim", "bad_alert_id", "alertId must be 1-64 characters of A-Z a-z 0-9 . _ : -");
            }

            var request = await ApiInput.ReadAsync(context, AgentApiJsonContext.Default.ClaimAlertRequest, cancellationToken).ConfigureAwait(false);
            if (request is null || !ApiInput.IsId(request.ClerkId))
            {
                return ApiInput.BadRequest(counters, "alerts.bad_claim", "bad_request", "body must be a ClaimAlertRequest {clerkId} with a clerkId of 1-64 characters of A-Z a-z 0-9 . _ : -");
            }

            var result = await alerts.ClaimAsync(alertId, request.ClerkId, cancellationToken).ConfigureAwait(false);
            return result.Outcome switch
            {
                ClaimOutcome.Claimed or ClaimOutcome.Replay => Results.Json(new ClaimAlertResponse(alertId, true, result.ClaimedBy), AgentApiJsonContext.Default.ClaimAlertResponse),
                // A later tap, or one after the alert expired or was withdrawn: 409 with who won (null when nobody), so the watch can say so.
                ClaimOutcome.AlreadyClaimed or ClaimOutcome.Closed =>
                    Results.Json(new ClaimAlertResponse(alertId, false, result.ClaimedBy), AgentApiJsonContext.Default.ClaimAlertResponse, statusCode: StatusCodes.Status409Conflict),
                ClaimOutcome.NotOffered => ApiInput.Error(StatusCodes.Status403Forbidden, "not_offered", "this alert was never sent to that clerk"),
                _ => ApiInput.Error(StatusCodes.Status404NotFound, "unknown_alert", "no such alert on this hub (never raised, or erased after the retention)"),
            };
        });

        wearable.MapPut(AlertsRoutes.QuietMode, async (HttpContext context, QuietSwitch quiet, AgentCounters counters, ILogger<QuietSwitch> logger, CancellationToken cancellationToken) =>
        {
            var request = await ApiInput.ReadAsync(context, AlertsJsonContext.Default.QuietModeRequest, cancellationToken).ConfigureAwait(false);
            if (request is null)
            {
                return ApiInput.BadRequest(counters, "alerts.bad_quiet", "bad_request", "body must be {\"quiet\": true|false}");
            }

            quiet.Quiet = request.Quiet;
            AlertsLog.QuietChanged(logger, request.Quiet ? "on" : "off");
            return Results.NoContent();
        });
        return app;
    }
}
