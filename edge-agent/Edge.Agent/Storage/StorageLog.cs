namespace Edge.Agent.Storage;

internal static partial class StorageLog
{
    [LoggerMessage(2000, LogLevel.Information, "Agent database {Path} open (schema version {Version}, WAL)")]
    public static partial void Opened(ILogger logger, string path, int version);

    [LoggerMessage(2001, LogLevel.Warning, "A database write failed and was rolled back alone")]
    public static partial void WriteFailed(ILogger logger, Exception error);

    [LoggerMessage(2002, LogLevel.Error, "Committing a batch of {Count} writes failed; every write in it failed")]
    public static partial void CommitFailed(ILogger logger, int count, Exception error);
}
