namespace Edge.Contracts.Agent;

/// <summary>The alert no longer needs this clerk: claimed (by <see cref="ClaimedBy"/>), escalated to someone else, or expired.</summary>
public sealed record StaffAlertClosed(string AlertId, string Outcome, string? ClaimedBy, DateTimeOffset At);
