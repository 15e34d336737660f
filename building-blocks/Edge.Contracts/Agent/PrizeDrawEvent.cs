namespace Edge.Contracts.Agent;

/// <summary>
/// Outbox stream <see cref="OutboxStreams.Draws"/>: one prize draw or spin, auditable. <see cref="RandomValue"/> is the
/// uniform [0, 1) value drawn (cryptographic RNG), <see cref="Odds"/> the winning probability the prize table gave,
/// <see cref="BudgetLeft"/> the period's prize budget after this draw. Message id "draw:{DrawId}".
/// </summary>
public sealed record PrizeDrawEvent(
    string DrawId,
    string Game,
    string MemberId,
    string KioskId,
    string Period,
    double RandomValue,
    double Odds,
    bool Won,
    string? Prize,
    decimal PrizeValue,
    bool PendingConfirmation,
    decimal BudgetBefore,
    decimal BudgetLeft,
    string? Outcome,
    DateTimeOffset At);
