using Edge.Agent.Bus;
using Edge.Hosting.Options;

namespace Edge.Agent.Members;

internal static class MembersExtensions
{
    /// <summary>Member cache from cloud-sync's deltas, keys at rest, beacon-gateway's key table, presence intake.</summary>
    public static IHostApplicationBuilder AddMembers(this IHostApplicationBuilder builder)
    {
        builder.AddEdgeOptions<MembersOptions>(MembersOptions.Section, static (c, o) => c.Bind(o));
        builder.Services.AddSingleton<HubKey>();
        builder.Services.AddSingleton<MemberStore>();
        builder.Services.AddSingleton<MemberKeyPublisher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MemberKeyPublisher>());
        builder.Services.AddSingleton<MemberDeltaApplier>();
        builder.Services.AddSingleton<IBusHandler>(sp => sp.GetRequiredService<MemberDeltaApplier>());
        builder.Services.AddSingleton<IBusHandler, PresenceHandler>();
        builder.Services.AddHostedService<PresencePurgeService>();
        return builder;
    }
}
