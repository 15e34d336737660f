using Microsoft.Extensions.Logging;

namespace Edge.Kiosk;

/// <summary>kiosk-ui's log events: ids 3000-3999.</summary>
internal static partial class KioskLog
{
    [LoggerMessage(3000, LogLevel.Warning, "Playlist {Path} refused: {Reason}; keeping the previous playlist")]
    public static partial void PlaylistRefused(ILogger logger, string path, string reason);

    [LoggerMessage(3001, LogLevel.Information, "Playlist {Path} loaded: {Items} item(s)")]
    public static partial void PlaylistLoaded(ILogger logger, string path, int items);

    [LoggerMessage(3002, LogLevel.Warning, "Asset {Asset} of item {ItemId} is not cached and could not be fetched; the item is skipped")]
    public static partial void AssetMissing(ILogger logger, string asset, string itemId, Exception? exception);

    [LoggerMessage(3003, LogLevel.Warning, "Proof of play not yet published ({Pending} pending): {Reason}")]
    public static partial void ProofOfPlayDeferred(ILogger logger, long pending, string reason);

    [LoggerMessage(3004, LogLevel.Warning, "Ignored a message on {Topic}: {Reason}")]
    public static partial void BadBusMessage(ILogger logger, string topic, string reason);

    [LoggerMessage(3005, LogLevel.Warning, "edge-agent call {Route} failed: {Reason}")]
    public static partial void AgentCallFailed(ILogger logger, string route, string reason);

    [LoggerMessage(3006, LogLevel.Warning, "PIN login locked: {Scope}")]
    public static partial void PinLockout(ILogger logger, string scope);

    [LoggerMessage(3007, LogLevel.Information, "Session {Session} logged out: {Reason}")]
    public static partial void LoggedOut(ILogger logger, string session, string reason);

    [LoggerMessage(3008, LogLevel.Warning, "Pairing refused: {Reason}")]
    public static partial void PairingRefused(ILogger logger, string reason);

    [LoggerMessage(3009, LogLevel.Warning, "Local bus subscription failed; retrying: {Reason}")]
    public static partial void SubscribeFailed(ILogger logger, string reason);

    [LoggerMessage(3010, LogLevel.Warning, "Admin login refused from {Remote}")]
    public static partial void AdminRefused(ILogger logger, string remote);

    [LoggerMessage(3011, LogLevel.Warning, "Screen status {Status} not published: {Reason}")]
    public static partial void ScreenStatusNotPublished(ILogger logger, string status, string reason);
}
