namespace Edge.Agent.Alerts;

/// <summary>Event ids 2400-2499 (staff alerts). Member ids are never logged here: an alert id is enough to follow one.</summary>
internal static partial class AlertsLog
{
    [LoggerMessage(2400, LogLevel.Information, "Staff alert {AlertId} in {Zone} sent to clerk {ClerkId} (escalation {Escalation})")]
    public static partial void Sent(ILogger logger, string alertId, string zone, string clerkId, int escalation);

    [LoggerMessage(2401, LogLevel.Information, "Staff alert {AlertId} claimed by clerk {ClerkId} after {Seconds} s")]
    public static partial void Claimed(ILogger logger, string alertId, string clerkId, double seconds);

    [LoggerMessage(2402, LogLevel.Information, "Staff alert {AlertId} closed: {Outcome}")]
    public static partial void Closed(ILogger logger, string alertId, string outcome);

    [LoggerMessage(2403, LogLevel.Information, "No free clerk for a staff alert in {Zone}; none sent")]
    public static partial void NoClerk(ILogger logger, string zone);

    [LoggerMessage(2404, LogLevel.Warning, "Staff alert request refused: {Reason}")]
    public static partial void Refused(ILogger logger, string reason);

    [LoggerMessage(2405, LogLevel.Information, "Alert outcomes of {Hour} sent up: {Raised} raised, {Claimed} claimed")]
    public static partial void Reported(ILogger logger, string hour, int raised, int claimed);

    [LoggerMessage(2406, LogLevel.Information, "Erased {Count} closed staff alerts older than {Retention}")]
    public static partial void Purged(ILogger logger, int count, TimeSpan retention);

    [LoggerMessage(2407, LogLevel.Error, "Staff alert work failed")]
    public static partial void Failed(ILogger logger, Exception error);

    [LoggerMessage(2408, LogLevel.Information, "Quiet mode {State}")]
    public static partial void QuietChanged(ILogger logger, string state);
}
