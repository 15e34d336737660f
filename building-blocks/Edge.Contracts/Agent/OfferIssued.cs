namespace Edge.Contracts.Agent;

/// <summary>
/// A coupon issued to a member in a zone (presence) or at a kiosk (login). Screens show <see cref="FirstName"/> and the
/// offer at most. <see cref="EventId"/> equals the coupon id: a re-published decision is the same event.
/// </summary>
public sealed record OfferIssued(string EventId, string MemberId, string FirstName, string Zone, string? KioskId, OfferView Offer, DateTimeOffset IssuedAt);
