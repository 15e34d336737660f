namespace Edge.Agent.Alerts;

/// <summary>
/// The only thing about staff alerts that leaves the store: counts for one hour (UTC, alerts by the hour they were
/// raised), sent once every alert of that hour is closed. No member, clerk or alert id.
/// </summary>
internal sealed record AlertOutcomesEvent(DateTimeOffset Hour, int Raised, int Claimed, int Escalated, int Expired, int Withdrawn, double? MedianSecondsToClaim);
