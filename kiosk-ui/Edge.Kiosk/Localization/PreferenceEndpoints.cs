using Edge.Kiosk.Sessions;

namespace Edge.Kiosk.Localization;

/// <summary>Language and contrast switches; both only ever redirect to a local path.</summary>
internal static class PreferenceEndpoints
{
    public static IEndpointRouteBuilder MapPreferences(this IEndpointRouteBuilder app)
    {
        app.MapGet("/lang/{code}", (string code, string? back, HttpContext context) =>
        {
            if (KioskLanguages.IsSupported(code))
            {
                context.KioskSession().Language = code;
            }

            return Results.LocalRedirect(LocalPath(back));
        });

        app.MapPost("/contrast", (string? back, HttpContext context) =>
        {
            var session = context.KioskSession();
            session.HighContrast = !session.HighContrast;
            return Results.LocalRedirect(LocalPath(back));
        });
        return app;
    }

    /// <summary>Only a path of this app: never an absolute URL or //host (no navigation outside the kiosk).</summary>
    public static string LocalPath(string? back) =>
        back is { Length: > 0 and < 512 } && back[0] == '/' && (back.Length == 1 || (back[1] != '/' && back[1] != '\\')) ? back : "/";
}
