namespace Edge.Agent.Alerts;

internal sealed record ClaimResult(ClaimOutcome Outcome, string? ClaimedBy);
