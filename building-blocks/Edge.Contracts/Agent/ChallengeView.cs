namespace Edge.Contracts.Agent;

/// <summary>
/// A running challenge, e.g. <see cref="ChallengeId"/> "check-in-days-month": check in on <see cref="Target"/> days this
/// month, <see cref="Progress"/> so far; it runs until <see cref="EndsOn"/> (store local day, inclusive).
/// </summary>
public sealed record ChallengeView(string ChallengeId, int Progress, int Target, bool Completed, DateOnly EndsOn);
