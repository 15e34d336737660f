using Edge.Contracts.Agent;

namespace Edge.Agent.Members;

/// <summary>A cached opted-in member as the agent uses it (the rotating-ID key stays encrypted in SQLite).</summary>
internal sealed record MemberRecord(
    string MemberId,
    string FirstName,
    string Tier,
    MemberConsent Consent,
    IReadOnlyList<string> Interests,
    string? PinHash,
    string? PhoneHash,
    long Points);
