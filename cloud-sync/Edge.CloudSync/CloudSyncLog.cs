using Microsoft.Extensions.Logging;

namespace Edge.CloudSync;

/// <summary>cloud-sync's log events: ids 5000-5999 (5000-5099 outbox, 5100-5199 connections, 5200-5299 upstream, 5300-5399 downstream, 5400-5499 fleet).</summary>
internal static partial class CloudSyncLog
{
    [LoggerMessage(5000, LogLevel.Error, "Outbox write of {Count} message(s) failed; producers get the error and retry")]
    public static partial void OutboxWriteFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(5001, LogLevel.Warning, "Outbox over quota with protected messages only ({Bytes} bytes): fleet alarm raised")]
    public static partial void OutboxOverQuota(ILogger logger, long bytes);

    [LoggerMessage(5100, LogLevel.Information, "{Link} connected to {Endpoint} as {ClientId}")]
    public static partial void Connected(ILogger logger, string link, string endpoint, string clientId);

    [LoggerMessage(5101, LogLevel.Warning, "{Link} cannot connect to {Endpoint} yet; retrying in {Delay}: {Reason}")]
    public static partial void ConnectRetry(ILogger logger, string link, string endpoint, TimeSpan delay, string reason);

    [LoggerMessage(5102, LogLevel.Warning, "Cloud link offline: {Reason}; events stay in the outbox")]
    public static partial void Offline(ILogger logger, string reason);

    [LoggerMessage(5200, LogLevel.Warning, "Local event on {Topic} refused: {Reason}")]
    public static partial void LocalEventRefused(ILogger logger, string topic, string reason);

    [LoggerMessage(5201, LogLevel.Warning, "Drain interrupted ({Reason}); resuming from the last acknowledged message")]
    public static partial void DrainInterrupted(ILogger logger, string reason);

    [LoggerMessage(5202, LogLevel.Information, "{Count} outbox message(s) expired unsent")]
    public static partial void Expired(ILogger logger, int count);

    [LoggerMessage(5203, LogLevel.Warning, "Local bus dropped {Count} outbox event(s) because cloud-sync's inbound queue was full")]
    public static partial void LocalInboundDropped(ILogger logger, long count);

    [LoggerMessage(5300, LogLevel.Warning, "Downstream message on {Topic} ({MessageId}) rejected to the dead-letter table: {Reason}")]
    public static partial void DownstreamRejected(ILogger logger, string topic, string messageId, string reason);

    [LoggerMessage(5400, LogLevel.Warning, "Sparkplug {What} not published: {Reason}")]
    public static partial void FleetPublishFailed(ILogger logger, string what, string reason);

    [LoggerMessage(5401, LogLevel.Warning, "Sparkplug command on {Topic} refused: {Reason}")]
    public static partial void FleetCommandRefused(ILogger logger, string topic, string reason);

    [LoggerMessage(5402, LogLevel.Warning, "Reboot requested over Sparkplug but refused: {Reason}")]
    public static partial void RebootRefused(ILogger logger, string reason);

    [LoggerMessage(5403, LogLevel.Information, "Resync {RequestId} queued for the cloud with the inbox marks {Marks}")]
    public static partial void ResyncRequested(ILogger logger, string requestId, string marks);

    [LoggerMessage(5404, LogLevel.Information, "Diagnostic bundle {BundleId} ({Bytes} bytes) queued for the cloud")]
    public static partial void DiagnosticBundleQueued(ILogger logger, string bundleId, int bytes);

    [LoggerMessage(5405, LogLevel.Information, "Sparkplug command coalesced: the previous {Stream} event is still waiting in the outbox and answers it")]
    public static partial void FleetCommandCoalesced(ILogger logger, string stream);

    [LoggerMessage(5406, LogLevel.Warning, "Sparkplug command's {Stream} event not queued: {Reason}")]
    public static partial void FleetCommandNotQueued(ILogger logger, string stream, string reason);
}
