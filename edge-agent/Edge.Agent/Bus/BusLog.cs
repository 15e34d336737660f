namespace Edge.Agent.Bus;

internal static partial class BusLog
{
    [LoggerMessage(2100, LogLevel.Information, "Local bus {Endpoint}: subscribed to {Filters}")]
    public static partial void Subscribed(ILogger logger, string endpoint, string filters);

    [LoggerMessage(2101, LogLevel.Warning, "Local bus {Endpoint} not reachable, retrying in {Seconds} s: {Reason}")]
    public static partial void ConnectFailed(ILogger logger, string endpoint, double seconds, string reason);

    [LoggerMessage(2102, LogLevel.Error, "Handling a message on {Topic} failed; it was skipped")]
    public static partial void HandlerFailed(ILogger logger, string topic, Exception error);

    [LoggerMessage(2103, LogLevel.Warning, "Publishing {Count} outbox events failed; they stay queued: {Reason}")]
    public static partial void OutboxPublishFailed(ILogger logger, int count, string reason);

    [LoggerMessage(2104, LogLevel.Warning, "Publishing on {Topic} failed: {Reason}")]
    public static partial void PublishFailed(ILogger logger, string topic, string reason);
}
