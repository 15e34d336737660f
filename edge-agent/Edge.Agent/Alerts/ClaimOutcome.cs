namespace Edge.Agent.Alerts;

/// <summary>What became of a claim: <see cref="Claimed"/> (first), <see cref="Replay"/> (the same clerk again), or why not.</summary>
internal enum ClaimOutcome
{
    Claimed,
    Replay,
    AlreadyClaimed,
    Closed,
    Unknown,
    NotOffered,
}
