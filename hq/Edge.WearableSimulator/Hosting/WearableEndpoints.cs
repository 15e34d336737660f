using Edge.WearableSimulator.Alerts;
using Edge.WearableSimulator.Components;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Edge.WearableSimulator.Hosting;

internal static class WearableEndpoints
{
    public static IEndpointRouteBuilder MapWearables(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (AlertBoard board, IOptions<WearableSimulatorOptions> options, string? message) =>
            new RazorComponentResult<WearablePage>(new { Clerks = options.Value.Clerks, Board = board, Message = message }));

        // A plain form post (the page has no framework script); loopback-only demo tool, so no antiforgery token.
        app.MapPost("/alerts/{alertId}/claim", async (string alertId, HttpRequest request, AgentClient agent, CancellationToken ct) =>
        {
            var form = await request.ReadFormAsync(ct).ConfigureAwait(false);
            var clerk = form["clerk"].ToString();
            var answer = await agent.ClaimAsync(alertId, clerk, ct).ConfigureAwait(false);
            var message = answer switch
            {
                null => "edge-agent could not be reached or refused the claim",
                { Claimed: true } => "Claimed: you're on your way.",
                { ClaimedBy: { } by } => $"Already claimed by {by}.",
                _ => "The alert is no longer open.",
            };
            return Results.Redirect("/?message=" + Uri.EscapeDataString(message));
        });

        // Server-sent events: one "changed" line whenever the board changes, so open pages reload.
        app.MapGet("/events", async (HttpContext context, AlertBoard board, CancellationToken ct) =>
        {
            context.Response.ContentType = "text/event-stream";
            var changed = System.Threading.Channels.Channel.CreateBounded<bool>(new System.Threading.Channels.BoundedChannelOptions(1) { FullMode = System.Threading.Channels.BoundedChannelFullMode.DropNewest });
            void OnChanged() => changed.Writer.TryWrite(true);
            board.Changed += OnChanged;
            try
            {
                await context.Response.WriteAsync(": connected\n\n", ct).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(ct).ConfigureAwait(false);
                await foreach (var _ in changed.Reader.ReadAllAsync(ct).ConfigureAwait(false))
                {
                    await context.Response.WriteAsync("data: changed\n\n", ct).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(ct).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                // The page went away.
            }
            finally
            {
                board.Changed -= OnChanged;
            }
        });
        return app;
    }
}
