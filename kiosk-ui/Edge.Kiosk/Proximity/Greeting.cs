using Edge.Contracts.Agent;

namespace Edge.Kiosk.Proximity;

/// <summary>The member greeted on the open screen: first name and current offers, nothing more personal (DESIGN.md).</summary>
// public: a Razor component parameter (components are public).
public sealed record Greeting(string MemberId, string FirstName, IReadOnlyList<OfferView> Offers, DateTimeOffset LastSeen);
