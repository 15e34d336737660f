namespace Edge.Kiosk.Sessions;

/// <summary>
/// Attaches the kiosk session to every page and fragment request (cookie <see cref="KioskSessionStore.Cookie"/>) and
/// counts it as the shopper's activity, except for requests the page makes by itself (slides, the live connection,
/// static files, the greeting refresh), which must not keep an idle session alive.
/// </summary>
internal sealed class KioskSessionMiddleware(RequestDelegate next, KioskSessionStore sessions, TimeProvider time)
{
    public const string ItemKey = "kiosk-session";

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/lib") || path.StartsWithSegments("/css") || path.StartsWithSegments("/js") || path.StartsWithSegments("/healthz"))
        {
            return next(context);
        }

        var session = sessions.GetOrCreate(context.Request.Cookies[KioskSessionStore.Cookie]);
        if (context.Request.Cookies[KioskSessionStore.Cookie] != session.Id)
        {
            context.Response.Cookies.Append(KioskSessionStore.Cookie, session.Id, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                IsEssential = true,
                Path = "/",
            });
        }

        var automatic = path.StartsWithSegments("/signage") || path.StartsWithSegments("/live") || path.StartsWithSegments("/fragments/greeting")
            || path.StartsWithSegments("/login/qr/status");
        if (!automatic)
        {
            session.LastActivity = time.GetUtcNow();
        }

        context.Items[ItemKey] = session;
        return next(context);
    }
}
