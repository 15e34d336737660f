namespace Edge.Agent.Offers;

/// <summary>The shadow model's probabilities for the same candidates, in the same order; never used to decide.</summary>
internal sealed record ShadowScores(float[] Probabilities, string Version);
