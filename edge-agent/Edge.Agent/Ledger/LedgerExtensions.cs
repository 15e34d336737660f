namespace Edge.Agent.Ledger;

internal static class LedgerExtensions
{
    /// <summary>Offline redemption ledger (punch cards, points and receipts are not built yet).</summary>
    public static IHostApplicationBuilder AddLedger(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RedemptionLedger>();
        return builder;
    }
}
