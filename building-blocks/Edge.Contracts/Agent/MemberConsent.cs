namespace Edge.Contracts.Agent;

/// <summary>The member's separate consent switches (DESIGN.md, privacy by design).</summary>
public sealed record MemberConsent(bool Presence, bool PersonalisedScreens, bool StaffAlerts, bool OfferProfiling);
