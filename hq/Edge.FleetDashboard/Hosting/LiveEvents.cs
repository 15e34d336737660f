using System.Threading.Channels;
using Edge.FleetDashboard.Fleet;
using Microsoft.AspNetCore.Http;

namespace Edge.FleetDashboard.Hosting;

/// <summary>
/// Server-sent events for open pages: after any store changes, "fleet" (the fleet page reloads its grid) and
/// "store-{id}" (that store's page reloads its panel and chart). The page fetches the HTML with htmx; no markup is sent here.
/// </summary>
internal static class LiveEvents
{
    public static async Task StreamAsync(HttpContext context, FleetBoard board, CancellationToken ct)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        // A slow page only needs to know *that* stores changed: drop the oldest names beyond 64 rather than buffer.
        var changed = Channel.CreateBounded<string>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest });
        void OnChanged(string storeId) => changed.Writer.TryWrite(storeId);
        board.Changed += OnChanged;
        try
        {
            await context.Response.WriteAsync(": connected\n\n", ct).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(ct).ConfigureAwait(false);
            await foreach (var storeId in changed.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                await context.Response.WriteAsync($"event: fleet\ndata: {storeId}\n\nevent: store-{storeId}\ndata: changed\n\n", ct).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away or the host stops.
        }
        finally
        {
            board.Changed -= OnChanged;
        }
    }
}
