using Microsoft.Extensions.Logging;

namespace Edge.Hosting;

/// <summary>Edge.Hosting's log events: ids 1000-1099.</summary>
internal static partial class HostingLog
{
    [LoggerMessage(1000, LogLevel.Debug, "systemd notified: {State}")]
    public static partial void SystemdNotified(ILogger logger, string state);

    [LoggerMessage(1001, LogLevel.Warning, "Could not notify systemd ({Error}); the service keeps running")]
    public static partial void SystemdNotifyFailed(ILogger logger, string error, Exception exception);

    [LoggerMessage(1002, LogLevel.Information, "systemd watchdog enabled: pinging every {Period}")]
    public static partial void WatchdogEnabled(ILogger logger, TimeSpan period);

    [LoggerMessage(1003, LogLevel.Error, "Health checks failing ({Failing}): withholding the watchdog ping so systemd restarts the service")]
    public static partial void WatchdogWithheld(ILogger logger, string failing);

    [LoggerMessage(1010, LogLevel.Information, "{Service} {Version} starting (store {StoreId}, hub {HubId})")]
    public static partial void Starting(ILogger logger, string service, string version, string storeId, string hubId);

    [LoggerMessage(1011, LogLevel.Warning, "Clock runs {Rate}x faster than real time from {Origin} (Edge:Clock:Rate; demos and tests only)")]
    public static partial void FastClock(ILogger logger, double rate, DateTimeOffset origin);

    [LoggerMessage(1020, LogLevel.Information, "Local broker {Host}:{Port} reachable")]
    public static partial void BrokerReachable(ILogger logger, string host, int port);

    [LoggerMessage(1021, LogLevel.Warning, "Local broker {Host}:{Port} not reachable yet ({Error}); retrying")]
    public static partial void BrokerNotYetReachable(ILogger logger, string host, int port, string error);
}
