namespace Edge.Agent.Games;

internal static partial class GamesLog
{
    [LoggerMessage(2700, LogLevel.Information, "{Game} {DrawId}: {Outcome} (random {RandomValue:F6}, odds {Odds:F4}, budget {BudgetLeft} left in {Period})")]
    public static partial void Drawn(ILogger logger, string game, string drawId, string outcome, double randomValue, double odds, decimal budgetLeft, string period);

    [LoggerMessage(2701, LogLevel.Information, "Check-in on {Day}: {Points} points pending")]
    public static partial void CheckedIn(ILogger logger, DateOnly day, int points);

    [LoggerMessage(2702, LogLevel.Information, "Prize budget from the cloud: {Amount} per period (message {Sequence})")]
    public static partial void BudgetApplied(ILogger logger, decimal amount, long sequence);

    [LoggerMessage(2703, LogLevel.Warning, "Prize budget message refused: {Reason}")]
    public static partial void BudgetRefused(ILogger logger, string reason);
}
