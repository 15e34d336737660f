namespace Edge.Contracts.Agent;

/// <summary>
/// Ask a clerk to come over: first name and one interest category at most, never purchase history.
/// <see cref="Escalation"/> 0 is the first clerk; each unclaimed timeout routes it to the next with +1.
/// Claim it with one tap through <see cref="AgentRoutes.ClaimAlert"/> before <see cref="ClaimBy"/>.
/// <see cref="Product"/> and <see cref="KeySpecs"/>: the product the member looked up at a kiosk, when known (null otherwise).
/// </summary>
public sealed record StaffAlert(
    string AlertId,
    string ClerkId,
    string Zone,
    string FirstName,
    string? Interest,
    string Reason,
    int Escalation,
    DateTimeOffset CreatedAt,
    DateTimeOffset ClaimBy,
    string? Product = null,
    IReadOnlyList<string>? KeySpecs = null);
