using Edge.Agent.Api;
using Edge.Agent.Alerts;
using Edge.Contracts.Agent;

namespace Edge.Agent.Loyalty;

/// <summary>The POS's e-receipt webhook. Bad input: 400 ApiError naming the field, counted; unknown member: 404.</summary>
internal static class LoyaltyEndpoints
{
    public static IEndpointRouteBuilder MapLoyalty(this IEndpointRouteBuilder app)
    {
        var pos = app.MapGroup(string.Empty).RequireCaller(AgentCaller.Pos);

        pos.MapPost(AgentRoutes.Receipts, async (HttpContext context, ReceiptProcessor receipts, AgentCounters counters, CancellationToken cancellationToken) =>
        {
            var receipt = await ApiInput.ReadAsync(context, AgentApiJsonContext.Default.PosReceipt, cancellationToken).ConfigureAwait(false);
            if (receipt is null)
            {
                return ApiInput.BadRequest(counters, "loyalty.receipt_invalid", "bad_request", "body must be a PosReceipt JSON object {transactionId, memberId, occurredAt, lines, total}");
            }

            var outcome = await receipts.ProcessAsync(receipt, cancellationToken).ConfigureAwait(false);
            return outcome.Result is { } result
                ? Results.Json(result, AgentApiJsonContext.Default.PosReceiptResult)
                : Results.Json(outcome.Error, AgentApiJsonContext.Default.ApiError, statusCode: outcome.Status);
        });
        return app;
    }
}
