namespace Edge.Agent.Games;

internal static partial class GamesLog
{
    [LoggerMessage(2700, LogLevel.Information, "{Game} {DrawId}: {Outcome} (random {RandomValue:F6}, odds {Odds:F4}, budget {BudgetLeft} left in {Period})")]
    public static partial void Drawn(ILogger logger, string game, string drawId, string outcome, double randomValue, double odds, decimal budgetLeft, string period);

    [LoggerMessage(2701, LogLevel.Information, "Check-in on {Day}: {Points} points pending")]
    public static partial void CheckedIn(ILogger logger, DateOnly day, int points);
}
