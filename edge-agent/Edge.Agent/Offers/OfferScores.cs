using Edge.Contracts.Agent;

namespace Edge.Agent.Offers;

/// <summary>One probability per candidate, and who produced them; <paramref name="Shadow"/> when a shadow model scored the same candidates.</summary>
internal sealed record OfferScores(float[] Probabilities, DecisionSource Source, string? ModelVersion, string? FallbackReason, ShadowScores? Shadow = null);
