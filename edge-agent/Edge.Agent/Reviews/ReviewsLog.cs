namespace Edge.Agent.Reviews;

internal static partial class ReviewsLog
{
    [LoggerMessage(2850, LogLevel.Information, "Review {ReviewId} of {ProductId} published (verified purchase: {Verified})")]
    public static partial void Published(ILogger logger, string reviewId, string productId, bool verified);

    [LoggerMessage(2851, LogLevel.Information, "Review of {ProductId} refused by moderation: {Reason}")]
    public static partial void Refused(ILogger logger, string productId, string reason);
}
