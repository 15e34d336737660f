namespace Edge.Agent.Loyalty;

/// <summary>Event ids 2500-2599 (receipts, punch cards, points).</summary>
internal static partial class LoyaltyLog
{
    [LoggerMessage(2500, LogLevel.Information, "Receipt {TransactionId}: {Stamps} stamps, {Points} pending points")]
    public static partial void Receipt(ILogger logger, string transactionId, int stamps, long points);

    [LoggerMessage(2501, LogLevel.Warning, "Receipt refused: {Reason}")]
    public static partial void Refused(ILogger logger, string reason);
}
