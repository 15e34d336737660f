using Edge.Kiosk.Live;
using Microsoft.AspNetCore.Mvc;

namespace Edge.Kiosk.Admin;

internal static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        app.MapPost("/admin/login", ([FromForm] string? pin, HttpContext context, AdminAuth auth, ILogger<AdminAuth> logger) =>
        {
            if (auth.Login(pin) is not { } token)
            {
                KioskLog.AdminRefused(logger, context.Connection.RemoteIpAddress?.ToString() ?? "?");
                return Results.Redirect("/admin?refused=1");
            }

            context.Response.Cookies.Append(AdminAuth.Cookie, token, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/admin" });
            return Results.Redirect("/admin");
        });

        app.MapPost("/admin/reload", async ([FromForm] string? confirm, HttpContext context, AdminAuth auth, LiveNotifier live) =>
        {
            if (!auth.IsStaff(context))
            {
                return Results.Redirect("/admin");
            }

            await live.ReloadAllAsync(context.RequestAborted);
            return Results.Redirect("/admin?reloaded=1");
        });
        return app;
    }
}
