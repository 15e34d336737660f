using Microsoft.Extensions.Logging;

namespace Edge.FleetDashboard.Diagnostics;

/// <summary>The fleet dashboard's log events, ids 10200-10299.</summary>
internal static partial class DashboardLog
{
    [LoggerMessage(10200, LogLevel.Information, "Primary host {HostId} online on {Topic}; watching {Filter}")]
    public static partial void HostOnline(ILogger logger, string hostId, string topic, string filter);

    [LoggerMessage(10201, LogLevel.Warning, "Sparkplug message on {Topic} refused: {Reason}")]
    public static partial void MessageRefused(ILogger logger, string topic, string reason);

    [LoggerMessage(10202, LogLevel.Information, "Store {StoreId} born (bdSeq {BdSeq})")]
    public static partial void NodeBorn(ILogger logger, string storeId, long bdSeq);

    [LoggerMessage(10203, LogLevel.Warning, "Store {StoreId} died (bdSeq {BdSeq})")]
    public static partial void NodeDied(ILogger logger, string storeId, long bdSeq);

    [LoggerMessage(10204, LogLevel.Information, "Death of store {StoreId} ignored: {Reason}")]
    public static partial void StaleDeathIgnored(ILogger logger, string storeId, string reason);

    [LoggerMessage(10205, LogLevel.Warning, "Store {StoreId}: {Reason}; rebirth requested")]
    public static partial void RebirthRequested(ILogger logger, string storeId, string reason);

    [LoggerMessage(10206, LogLevel.Information, "Command {Command} sent to store {StoreId}")]
    public static partial void CommandSent(ILogger logger, string storeId, string command);

    [LoggerMessage(10207, LogLevel.Warning, "Publishing to the cloud broker failed ({What}): {Reason}")]
    public static partial void PublishFailed(ILogger logger, string what, string reason);

    [LoggerMessage(10208, LogLevel.Information, "Alarm {AlarmId} of store {StoreId} acknowledged by {By}")]
    public static partial void AlarmAcknowledged(ILogger logger, long alarmId, string storeId, string by);

    [LoggerMessage(10209, LogLevel.Warning, "Reading the cloud's records of store {StoreId} failed: {Reason}")]
    public static partial void CloudRecordsFailed(ILogger logger, string storeId, string reason);

    [LoggerMessage(10210, LogLevel.Error, "Handling a message on {Topic} failed; the dashboard goes on with the next")]
    public static partial void MessageFailed(ILogger logger, Exception exception, string topic);

    [LoggerMessage(10211, LogLevel.Warning, "Refused a request: {Reason}")]
    public static partial void RequestRefused(ILogger logger, string reason);

    [LoggerMessage(10212, LogLevel.Warning, "Store {StoreId}: {Count} cloud records did not read as their stream's event and were skipped")]
    public static partial void CloudRecordsUnreadable(ILogger logger, string storeId, int count);
}
