using Edge.Kiosk.Components.Fragments;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Edge.Kiosk.Proximity;

internal static class ProximityEndpoints
{
    /// <summary>The greeting fragment the attract page fetches when the server pushes "greeting".</summary>
    public static IEndpointRouteBuilder MapProximity(this IEndpointRouteBuilder app)
    {
        app.MapGet("/fragments/greeting", (ProximityBoard board) =>
            new RazorComponentResult<GreetingFragment>(new Dictionary<string, object?> { ["Greeting"] = board.Current }));
        return app;
    }
}
