using Edge.Hosting.Options;

namespace Edge.Agent.Engagement;

internal static class EngagementExtensions
{
    /// <summary>Wish list, badges and challenges, "share your visit" points (kiosk routes in <see cref="EngagementEndpoints"/>).</summary>
    public static IHostApplicationBuilder AddEngagement(this IHostApplicationBuilder builder)
    {
        builder.AddEdgeOptions<EngagementOptions>(EngagementOptions.Section, static (c, o) => c.Bind(o));
        builder.Services.AddSingleton<WishListStore>();
        builder.Services.AddSingleton<AchievementService>();
        builder.Services.AddSingleton<ShareVisitService>();
        return builder;
    }
}
