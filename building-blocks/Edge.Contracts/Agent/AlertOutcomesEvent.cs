namespace Edge.Contracts.Agent;

/// <summary>
/// Outbox stream <see cref="OutboxStreams.AlertOutcomes"/>, message id "alert-outcomes:{hour}": the only thing about
/// staff alerts that leaves the store: counts for one hour (UTC, alerts by the hour they were raised), sent once every
/// alert of that hour is closed. No member, clerk or alert id. <see cref="TotalSecondsToClaim"/> is the sum over the
/// claimed alerts, so HQ can add hours up into an exact mean (medians of hours cannot be combined); null from hubs
/// older than the field.
/// </summary>
public sealed record AlertOutcomesEvent(
    DateTimeOffset Hour,
    int Raised,
    int Claimed,
    int Escalated,
    int Expired,
    int Withdrawn,
    double? MedianSecondsToClaim,
    double? TotalSecondsToClaim = null);
