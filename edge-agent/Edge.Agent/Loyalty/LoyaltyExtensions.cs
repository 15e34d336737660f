using Edge.Agent.Bus;
using Edge.Hosting.Options;

namespace Edge.Agent.Loyalty;

internal static class LoyaltyExtensions
{
    /// <summary>POS e-receipts, punch cards, pending points, purchase history (the queries the kiosk API calls), erased on revocation. Call after AddMembers.</summary>
    public static IHostApplicationBuilder AddLoyalty(this IHostApplicationBuilder builder)
    {
        builder.AddEdgeOptions<LoyaltyOptions>(LoyaltyOptions.Section, static (c, o) => c.Bind(o));
        builder.Services.AddSingleton<ReceiptProcessor>();
        builder.Services.AddSingleton<IPointsLedger, PointsLedger>();
        builder.Services.AddSingleton<Sessions.IPunchCardSource, PunchCardQuery>();
        builder.Services.AddSingleton<Reviews.IPurchaseEvidence, ReceiptPurchaseEvidence>();
        builder.Services.AddSingleton<IBusHandler, RevokedMemberEraser>();
        return builder;
    }
}
