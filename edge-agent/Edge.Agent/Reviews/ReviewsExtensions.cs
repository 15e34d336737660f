using Edge.Hosting.Options;

namespace Edge.Agent.Reviews;

internal static class ReviewsExtensions
{
    /// <summary>Reviews with moderation; purchase evidence sources are an enumerable (receipts add theirs).</summary>
    public static IHostApplicationBuilder AddReviews(this IHostApplicationBuilder builder)
    {
        builder.AddEdgeOptions<ReviewsOptions>(ReviewsOptions.Section, static (c, o) => c.Bind(o));
        builder.Services.AddSingleton<ReviewModerator>();
        builder.Services.AddSingleton<IPurchaseEvidence, RedemptionPurchaseEvidence>();
        builder.Services.AddSingleton<ReviewStore>();
        return builder;
    }
}
