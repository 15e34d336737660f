using Edge.Kiosk.Components.Fragments;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;

namespace Edge.Kiosk.Signage;

internal static class SignageEndpoints
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static IEndpointRouteBuilder MapSignage(this IEndpointRouteBuilder app)
    {
        // The slide after 'after'; 'played' is the token of the slide that just finished (recorded as proof of play).
        app.MapGet("/signage/next", (string? after, string? played, SignagePlayer player) =>
        {
            if (played is { Length: > 0 and <= 64 })
            {
                player.Played(played);
            }

            var next = player.Next(after is { Length: <= 128 } ? after : null);
            return new RazorComponentResult<SlideFragment>(new Dictionary<string, object?>
            {
                ["Item"] = next?.Item,
                ["Token"] = next?.Token,
            });
        });

        // Assets come only from the cache folder and only by a name the playlist validated.
        app.MapGet("/signage/assets/{name}", (string name, SignagePlayer player, AssetCache cache) =>
        {
            if (!player.Current.Items.Any(i => i.Asset == name) || !cache.Has(name))
            {
                return Results.NotFound();
            }

            var type = ContentTypes.TryGetContentType(name, out var t) ? t : "application/octet-stream";
            return Results.File(cache.PathOf(name), type, enableRangeProcessing: true);
        });
        return app;
    }
}
