namespace Edge.Agent.Games;

/// <summary>One row of prize_draws: everything needed to audit a draw or spin afterwards.</summary>
internal sealed record DrawRecord(
    string DrawId,
    string Game,
    string MemberId,
    string KioskId,
    DateOnly StoreDay,
    PrizeBudget Budget,
    double RandomValue,
    double Odds,
    bool Won,
    string? Prize,
    decimal PrizeValue,
    bool Pending,
    decimal BudgetBefore,
    int? SegmentIndex,
    string Outcome,
    DateTimeOffset At)
{
    public decimal BudgetLeft => BudgetBefore - (Won ? PrizeValue : 0m);
}
