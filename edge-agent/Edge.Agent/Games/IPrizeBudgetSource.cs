namespace Edge.Agent.Games;

/// <summary>
/// The seam for the prize budget: <see cref="CloudPrizeBudget"/>, the cloud's signed down kind "prize-budget", over
/// <see cref="ConfiguredPrizeBudget"/> until the cloud has sent one.
/// Spending is counted by the games (table prize_draws), so a source only says how much a period has.
/// </summary>
internal interface IPrizeBudgetSource
{
    PrizeBudget For(DateOnly storeDay);
}
