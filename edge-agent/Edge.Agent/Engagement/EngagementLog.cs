namespace Edge.Agent.Engagement;

internal static partial class EngagementLog
{
    [LoggerMessage(2900, LogLevel.Information, "Visit shared on {Day}: {Points} points pending ({Status})")]
    public static partial void Shared(ILogger logger, DateOnly day, long points, string status);

    [LoggerMessage(2901, LogLevel.Information, "Wish list full: {Capacity} products")]
    public static partial void WishListFull(ILogger logger, int capacity);
}
