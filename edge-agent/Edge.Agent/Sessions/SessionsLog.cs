namespace Edge.Agent.Sessions;

internal static partial class SessionsLog
{
    [LoggerMessage(2600, LogLevel.Information, "Kiosk {KioskId} logged in a member by {Method} (session ends {ExpiresAt})")]
    public static partial void LoggedIn(ILogger logger, string kioskId, string method, DateTimeOffset expiresAt);

    [LoggerMessage(2601, LogLevel.Warning, "Kiosk {KioskId}: {Method} login refused ({Reason})")]
    public static partial void LoginRefused(ILogger logger, string kioskId, string method, string reason);

    [LoggerMessage(2602, LogLevel.Warning, "Kiosk {KioskId}: PIN logins locked ({Scope}) after repeated wrong PINs")]
    public static partial void LockedOut(ILogger logger, string kioskId, string scope);

    [LoggerMessage(2603, LogLevel.Information, "Session ended: {Reason}")]
    public static partial void Ended(ILogger logger, string reason);

    [LoggerMessage(2604, LogLevel.Warning, "The login offer decision failed; the member is logged in without a new offer")]
    public static partial void OfferAtLoginFailed(ILogger logger, Exception error);

    [LoggerMessage(2605, LogLevel.Information, "Coupon {CouponId} saved to the member's app")]
    public static partial void CouponSaved(ILogger logger, string couponId);
}
