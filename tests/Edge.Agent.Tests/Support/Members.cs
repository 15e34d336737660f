using Edge.Contracts.Members;
using Edge.Contracts.Agent;

namespace Edge.Agent.Tests.Support;

/// <summary>Member deltas as cloud-sync would send them.</summary>
internal static class Members
{
    public const string Pin = "4711";

    private static readonly string s_pinHash = PinHash.Create(Pin, 1000);

    public static byte[] KeyOf(string memberId) => System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(memberId))[..16];

    public static MemberDelta Upsert(long seq, string memberId, string firstName = "Ada", string tier = "gold", bool presence = true, string? phone = null, IReadOnlyList<string>? interests = null) =>
        new(seq, memberId, MemberDeltaKind.Upsert, firstName, tier,
            new MemberConsent(presence, true, true, true),
            interests ?? ["GROCERY", "PRODUCE"],
            s_pinHash,
            phone is null ? null : PhoneHashOf(phone),
            Convert.ToBase64String(KeyOf(memberId)),
            120);

    public static MemberDelta Revoke(long seq, string memberId) => new(seq, memberId, MemberDeltaKind.Revoke);

    public static string PhoneHashOf(string e164) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(e164)));
}
