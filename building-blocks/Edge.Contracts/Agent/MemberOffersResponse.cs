namespace Edge.Contracts.Agent;

/// <summary>The member's current coupons, best first. Empty for a control-group member (holdout) or when nothing is eligible.</summary>
public sealed record MemberOffersResponse(IReadOnlyList<OfferView> Offers);
