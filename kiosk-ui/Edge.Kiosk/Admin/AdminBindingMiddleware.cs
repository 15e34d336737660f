using Edge.Kiosk.Hosting;
using Microsoft.Extensions.Options;

namespace Edge.Kiosk.Admin;

/// <summary>
/// Keeps the two bindings apart by the port the connection arrived on (not the Host header, which a page could set):
/// /admin only on <see cref="KioskOptions.AdminUrl"/>, everything else only on <see cref="KioskOptions.Url"/>.
/// </summary>
internal sealed class AdminBindingMiddleware(RequestDelegate next, IOptions<KioskOptions> options)
{
    private readonly int? _adminPort = options.Value.AdminUrl is { } url ? new Uri(url).Port : null;

    public Task InvokeAsync(HttpContext context)
    {
        var onAdminPort = _adminPort == context.Connection.LocalPort;
        var adminPath = context.Request.Path.StartsWithSegments("/admin");
        var shared = context.Request.Path.StartsWithSegments("/healthz") || context.Request.Path.StartsWithSegments("/css")
            || context.Request.Path.StartsWithSegments("/lib") || context.Request.Path.StartsWithSegments("/js");
        if (!shared && adminPath != onAdminPort)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return next(context);
    }
}
