using Edge.Hosting.Options;

namespace Edge.Kiosk.Hosting;

internal static class KioskHostingExtensions
{
    public static IHostApplicationBuilder AddKioskUi(this WebApplicationBuilder builder)
    {
        builder.AddEdgeOptions<KioskOptions>(KioskOptions.Section);
        builder.WebHost.UseUrls(builder.Configuration[$"{KioskOptions.Section}:Url"] ?? new KioskOptions().Url);
        return builder;
    }

    public static WebApplication MapKioskUi(this WebApplication app)
    {
        app.MapGet("/", () => Results.Content("<!doctype html><html lang=\"en\"><head><title>Store Edge kiosk</title></head><body><main><h1>Welcome</h1></main></body></html>", "text/html"));
        return app;
    }
}
