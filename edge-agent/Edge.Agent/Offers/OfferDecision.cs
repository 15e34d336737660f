using Edge.Contracts.Agent;

namespace Edge.Agent.Offers;

/// <summary>The outcome of one decision: a coupon, or none (control group, cooldown, nothing eligible) with the reason.</summary>
internal sealed record OfferDecision(string DecisionId, bool Control, OfferView? Coupon, DecisionSource Source, string? Reason, bool Replayed);
