namespace Edge.Agent.Members;

internal static partial class MembersLog
{
    [LoggerMessage(2200, LogLevel.Warning, "Member delta refused: {Reason}")]
    public static partial void DeltaRefused(ILogger logger, string reason);

    [LoggerMessage(2201, LogLevel.Debug, "Member delta {Sequence} already applied (last {Last}); ignored")]
    public static partial void DeltaDuplicate(ILogger logger, long sequence, long last);

    [LoggerMessage(2202, LogLevel.Information, "Member delta {Sequence} held back: waiting for {Expected}")]
    public static partial void DeltaHeld(ILogger logger, long sequence, long expected);

    [LoggerMessage(2203, LogLevel.Information, "Member {MemberId} revoked: key and presence data erased")]
    public static partial void Revoked(ILogger logger, string memberId);

    [LoggerMessage(2204, LogLevel.Information, "Member key table v{Version} written: {Count} keys, {Revoked} revoked")]
    public static partial void KeyTableWritten(ILogger logger, long version, int count, int revoked);

    [LoggerMessage(2205, LogLevel.Error, "Writing the member key table {Path} failed")]
    public static partial void KeyTableFailed(ILogger logger, string path, Exception error);

    [LoggerMessage(2206, LogLevel.Warning, "Presence event refused: {Reason}")]
    public static partial void PresenceRefused(ILogger logger, string reason);

    [LoggerMessage(2207, LogLevel.Information, "Erased {Count} presence events older than {Retention}")]
    public static partial void PresencePurged(ILogger logger, int count, TimeSpan retention);

    [LoggerMessage(2208, LogLevel.Warning, "Member delta {Sequence} invalid, skipped (sequence advanced): {Reason}")]
    public static partial void DeltaInvalid(ILogger logger, long sequence, string reason);
}
