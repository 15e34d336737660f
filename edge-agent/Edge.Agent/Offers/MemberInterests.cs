namespace Edge.Agent.Offers;

/// <summary>The member attributes eligibility and the rules fallback look at.</summary>
internal sealed record MemberInterests(string MemberId, string Tier, IReadOnlySet<string> Interests);
