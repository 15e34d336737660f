namespace Edge.Contracts.Agent;

/// <summary>
/// One prize draw, recorded with <see cref="DrawId"/> (auditable: seed, odds and budget left are in the record).
/// <see cref="PendingConfirmation"/>: a large prize that the cloud must confirm before it is handed out.
/// </summary>
public sealed record PrizeDrawResponse(string DrawId, bool Won, string? Prize, bool PendingConfirmation);
