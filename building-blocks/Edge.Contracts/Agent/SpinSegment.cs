namespace Edge.Contracts.Agent;

/// <summary>One segment of the spin-to-win wheel; <see cref="Points"/> 0 and no prize = "try again".</summary>
public sealed record SpinSegment(string Label, int Points, string? Prize);
