using Edge.Hosting.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Edge.Agent.Sessions;

internal static class SessionsExtensions
{
    /// <summary>Kiosk logins (proximity, phone, QR) with lockout, sessions in SQLite, the session's offers.</summary>
    public static IHostApplicationBuilder AddSessions(this IHostApplicationBuilder builder)
    {
        builder.AddEdgeOptions<LoginOptions>(LoginOptions.Section, static (c, o) => c.Bind(o));
        builder.Services.AddSingleton<LoginLockout>();
        builder.Services.AddSingleton<LoginService>();
        builder.Services.AddSingleton<SessionStore>();
        builder.Services.AddSingleton<SessionOffers>();
        builder.Services.AddSingleton<MemberSummaries>();
        builder.Services.AddSingleton<LoginFlow>();
        builder.Services.TryAddSingleton<IPunchCardSource, NoPunchCards>();
        return builder;
    }
}
