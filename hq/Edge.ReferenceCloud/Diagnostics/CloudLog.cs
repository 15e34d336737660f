using Microsoft.Extensions.Logging;

namespace Edge.ReferenceCloud.Diagnostics;

/// <summary>The reference cloud's log events, ids 10000-10099.</summary>
internal static partial class CloudLog
{
    [LoggerMessage(10000, LogLevel.Information, "Hub {HubId} of store {StoreId} claimed")]
    public static partial void HubClaimed(ILogger logger, string storeId, string hubId);

    [LoggerMessage(10001, LogLevel.Warning, "Claim refused: {Reason}")]
    public static partial void ClaimRefused(ILogger logger, string reason);

    [LoggerMessage(10002, LogLevel.Warning, "Up message on {Topic} refused: {Reason}")]
    public static partial void UpRefused(ILogger logger, string topic, string reason);

    [LoggerMessage(10003, LogLevel.Debug, "Store {StoreId} stream {Stream}: {New} new, {Duplicates} duplicate events")]
    public static partial void UpApplied(ILogger logger, string storeId, string stream, int @new, int duplicates);

    [LoggerMessage(10004, LogLevel.Information, "Sent {Kind} #{Sequence} to store {StoreId}")]
    public static partial void DownSent(ILogger logger, string storeId, string kind, long sequence);

    [LoggerMessage(10005, LogLevel.Error, "Handling a message on {Topic} failed; the cloud goes on with the next")]
    public static partial void MessageFailed(ILogger logger, Exception exception, string topic);

    [LoggerMessage(10006, LogLevel.Warning, "API request refused ({Status}): {Reason}")]
    public static partial void ApiRefused(ILogger logger, int status, string reason);

    [LoggerMessage(10007, LogLevel.Information, "Phone of member {MemberId} walks into {Zone} of store {StoreId}: {Adverts} adverts")]
    public static partial void WalkStarted(ILogger logger, string storeId, string memberId, string zone, int adverts);

    [LoggerMessage(10008, LogLevel.Warning, "A phone walk stopped: the hub broker refused a publish")]
    public static partial void WalkFailed(ILogger logger, Exception exception);

    [LoggerMessage(10009, LogLevel.Information, "Resync {RequestId} of store {StoreId}: {Count} down message(s) sent again")]
    public static partial void ResyncServed(ILogger logger, string storeId, string requestId, int count);

    [LoggerMessage(10010, LogLevel.Warning, "Resync request {MessageId} of store {StoreId} refused: {Reason}")]
    public static partial void ResyncRefused(ILogger logger, string storeId, string messageId, string reason);

    [LoggerMessage(10011, LogLevel.Warning, "Diagnostic bundle {MessageId} of store {StoreId} refused: {Reason}")]
    public static partial void DiagnosticBundleRefused(ILogger logger, string storeId, string messageId, string reason);
}
