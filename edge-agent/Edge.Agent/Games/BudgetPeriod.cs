namespace Edge.Agent.Games;

/// <summary>How long one prize budget lasts (store local calendar).</summary>
internal enum BudgetPeriod
{
    Day,
    Week,
}
