using Edge.Contracts.Agent;

namespace Edge.Agent.Offers;

/// <summary>One probability per candidate, and who produced them.</summary>
internal sealed record OfferScores(float[] Probabilities, DecisionSource Source, string? ModelVersion, string? FallbackReason);
