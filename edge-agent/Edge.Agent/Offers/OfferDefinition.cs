using Edge.Contracts.Agent;

namespace Edge.Agent.Offers;

/// <summary>
/// One catalog offer. Eligibility: valid now, member's tier in <see cref="Tiers"/> (empty = all), one of the
/// member's interests in <see cref="Interests"/> (empty = all), the zone in <see cref="Zones"/> (empty = all).
/// Caps: <see cref="Budget"/> coupons in total, <see cref="PerDayCap"/> a day, <see cref="PerMemberCap"/> per member.
/// <see cref="Value"/> is what a redemption is worth to the store (ranking = probability x value). The campaign
/// fields feed the model's campaign features (docs/models.md); <see cref="CampaignDays"/> 0 = the offer's validity in days.
/// </summary>
internal sealed record OfferDefinition(
    string OfferId,
    string Title,
    string? ProductId,
    string? Category,
    DiscountKind DiscountKind,
    decimal DiscountValue,
    decimal Value,
    DateTimeOffset ValidFrom,
    DateTimeOffset ValidTo,
    int Budget,
    int PerDayCap,
    int PerMemberCap,
    IReadOnlyList<string>? Tiers = null,
    IReadOnlyList<string>? Interests = null,
    IReadOnlyList<string>? Zones = null,
    string CampaignType = "Type A",
    int CouponProducts = 10,
    int Households = 500,
    int CampaignDays = 0);
