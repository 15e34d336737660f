using Edge.Kiosk.Components.Fragments;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Edge.Kiosk.Components;

/// <summary>htmx answers: a message fragment, or a redirect htmx follows with a full page load.</summary>
internal static class Fragment
{
    public static RazorComponentResult<MessageFragment> Message(string text, bool error = false) =>
        new(new Dictionary<string, object?> { ["Text"] = text, ["Error"] = error });

    public static IResult Redirect(HttpContext context, string path)
    {
        context.Response.Headers["HX-Redirect"] = path;
        return Results.Ok();
    }
}
