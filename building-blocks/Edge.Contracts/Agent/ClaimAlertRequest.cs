namespace Edge.Contracts.Agent;

public sealed record ClaimAlertRequest(string ClerkId);
