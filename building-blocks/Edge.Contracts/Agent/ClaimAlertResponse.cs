namespace Edge.Contracts.Agent;

/// <summary><see cref="Claimed"/> false: someone else claimed it first (<see cref="ClaimedBy"/>) or it expired.</summary>
public sealed record ClaimAlertResponse(string AlertId, bool Claimed, string? ClaimedBy);
