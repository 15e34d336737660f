using Edge.Hosting.Options;

namespace Edge.Agent.Loyalty;

internal static class LoyaltyExtensions
{
    /// <summary>POS e-receipts, punch cards, pending points, purchase history (the queries the kiosk API calls).</summary>
    public static IHostApplicationBuilder AddLoyalty(this IHostApplicationBuilder builder)
    {
        builder.AddEdgeOptions<LoyaltyOptions>(LoyaltyOptions.Section);
        builder.Services.AddSingleton<ReceiptProcessor>();
        builder.Services.AddSingleton<IPointsLedger, PointsLedger>();
        builder.Services.AddSingleton<IPunchCards, PunchCardQuery>();
        builder.Services.AddSingleton<IPurchaseHistory, PurchaseHistory>();
        return builder;
    }
}
