namespace Edge.FleetDashboard.Fleet;

/// <summary>The outcome of one message, the store it concerns (when known) and why (for refusals, stale deaths and rebirths).</summary>
internal readonly record struct ApplyResult(ApplyOutcome Outcome, string? StoreId = null, string? Reason = null);
