using Microsoft.Extensions.Logging;

namespace Edge.CloudSync;

/// <summary>cloud-sync's log events: ids 5000-5999.</summary>
internal static partial class CloudSyncLog
{
    [LoggerMessage(5000, LogLevel.Error, "Outbox write of {Count} message(s) failed; producers get the error and retry")]
    public static partial void OutboxWriteFailed(ILogger logger, int count, Exception exception);
}
