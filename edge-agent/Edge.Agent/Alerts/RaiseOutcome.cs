namespace Edge.Agent.Alerts;

/// <summary>What became of a help signal.</summary>
internal enum RaiseOutcome
{
    Raised,
    Replay,
    Cooldown,
    NoClerk,
}
