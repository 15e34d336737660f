namespace Edge.Agent.Games;

/// <summary>The prize budget of one period ("2026-11-23" or "2026-W48"): what may be won in it, in the store's currency.</summary>
internal sealed record PrizeBudget(string Period, decimal Amount);
