namespace Edge.Agent.Games;

/// <summary>
/// The seam for the prize budget. Today <see cref="ConfiguredPrizeBudget"/> reads configuration; the cloud's signed
/// down kind "prize-budget" (Edge.Contracts.Cloud.DownKinds.PrizeBudget) can replace it with one registration.
/// Spending is counted by the games (table prize_draws), so a source only says how much a period has.
/// </summary>
internal interface IPrizeBudgetSource
{
    PrizeBudget For(DateOnly storeDay);
}
