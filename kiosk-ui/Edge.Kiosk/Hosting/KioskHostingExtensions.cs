using Edge.Hosting.Broker;
using Edge.Hosting.Options;
using Edge.Kiosk.Admin;
using Edge.Kiosk.Agent;
using Edge.Kiosk.Components;
using Edge.Kiosk.Live;
using Edge.Kiosk.Localization;
using Edge.Kiosk.Proximity;
using Edge.Kiosk.Reviews;
using Edge.Kiosk.Sessions;
using Edge.Kiosk.Signage;
using Edge.Kiosk.Storage;
using Edge.Messaging;
using Edge.Messaging.Hosting;
using Microsoft.Extensions.Options;

namespace Edge.Kiosk.Hosting;

internal static class KioskHostingExtensions
{
    /// <summary>Everything kiosk-ui runs: pages, live push, the local bus, edge-agent's client, signage, login.</summary>
    public static IHostApplicationBuilder AddKioskUi(this WebApplicationBuilder builder)
    {
        builder.AddEdgeOptions<KioskOptions>(KioskOptions.Section);
        var url = builder.Configuration[$"{KioskOptions.Section}:Url"] ?? new KioskOptions().Url;
        var adminUrl = builder.Configuration.GetSection(KioskOptions.Section).GetSection(nameof(KioskOptions.AdminUrl)) is { Value: { } v } ? v : new KioskOptions().AdminUrl;
        builder.WebHost.UseUrls(string.IsNullOrEmpty(adminUrl) ? [url] : [url, adminUrl]);

        builder.AddKioskPages();
        builder.AddKioskLocalBus();
        builder.AddKioskAgent();
        builder.AddKioskSignage();
        builder.AddKioskLogin();
        return builder;
    }

    public static WebApplication MapKioskUi(this WebApplication app)
    {
        app.UseMiddleware<AdminBindingMiddleware>();
        app.Use(LockDownHeaders);
        app.UseStaticFiles();
        app.UseMiddleware<KioskSessionMiddleware>();
        app.UseAntiforgery();
        app.MapHub<KioskHub>(KioskHub.Path);
        app.MapRazorComponents<App>();
        app.MapSignage();
        app.MapProximity();
        app.MapLogin();
        app.MapMemberActions();
        app.MapPreferences();
        app.MapAdmin();
        return app;
    }

    private static void AddKioskPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        builder.Services.AddAntiforgery(o => o.HeaderName = "RequestVerificationToken");
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<LiveNotifier>();
        builder.Services.AddSingleton<ScreenPresence>();
        builder.Services.AddSingleton<KioskSessionStore>();
        builder.Services.AddSingleton<AdminAuth>();
    }

    private static void AddKioskLocalBus(this WebApplicationBuilder builder)
    {
        builder.Services.AddEdgeMqtt(_ => { });
        builder.Services.AddOptions<MqttClientOptions>().Configure<IOptions<LocalBrokerOptions>, IOptions<KioskOptions>>((o, broker, kiosk) =>
        {
            o.Server = $"mqtt://{broker.Value.Host}:{broker.Value.Port}";
            o.Username = broker.Value.Username;
            o.Password = broker.Value.Password;
            o.ClientId = "kiosk-ui-" + kiosk.Value.KioskId;
        });
        builder.Services.AddSingleton<ProximityBoard>();
        builder.Services.AddSingleton<LocalBusListener>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LocalBusListener>());
        builder.Services.AddEdgeMqttPresence(Edge.Contracts.LocalTopics.ServiceStateFor("kiosk-ui"));
    }

    private static void AddKioskAgent(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpClient(AgentClient.HttpClientName);
        builder.Services.AddSingleton<AgentClient>();
    }

    private static void AddKioskSignage(this WebApplicationBuilder builder)
    {
        builder.AddEdgeOptions<SignageOptions>(SignageOptions.Section);
        builder.Services.AddHttpClient(AssetCache.HttpClientName);
        builder.Services.AddSingleton<KioskDatabase>();
        builder.Services.AddSingleton<AssetCache>();
        builder.Services.AddSingleton<ProofOfPlayStore>();
        builder.Services.AddSingleton<SignagePlayer>();
        builder.Services.AddSingleton<PlaylistRefreshService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PlaylistRefreshService>());
        builder.Services.AddSingleton<ProofOfPlayPublisher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ProofOfPlayPublisher>());
    }

    private static void AddKioskLogin(this WebApplicationBuilder builder)
    {
        builder.AddEdgeOptions<KioskLoginOptions>(KioskLoginOptions.Section);
        builder.Services.AddSingleton<PinLockout>();
        builder.Services.AddSingleton<PairingService>();
        builder.Services.AddSingleton<KioskLogout>();
        builder.Services.AddSingleton<LoginFlow>();
        builder.Services.AddSingleton<IdleLogoutService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<IdleLogoutService>());
        builder.Services.AddSingleton<ReviewQueue>();
        builder.Services.AddSingleton<ReviewQueueService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ReviewQueueService>());
    }

    /// <summary>
    /// Locked down: scripts and connections only from this app, no framing, no plugins, forms and navigation stay
    /// here. (Inline styles are allowed: the spin wheel positions segments with CSS variables.)
    /// </summary>
    private static Task LockDownHeaders(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
            "media-src 'self'; frame-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        return next(context);
    }
}
