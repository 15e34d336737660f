using Edge.Contracts.Agent;

namespace Edge.ReferenceCloud.Members;

/// <summary>
/// A member opting in (what the phone app sends to the cloud). <see cref="RotatingIdKey"/> (base64, 16 bytes) is
/// generated when absent; the response returns it, as the cloud hands it to the member's app.
/// </summary>
internal sealed record EnrolMemberRequest(
    string MemberId,
    string FirstName,
    string Tier,
    MemberConsent Consent,
    IReadOnlyList<string>? Interests,
    string? Pin,
    string? Phone,
    string? RotatingIdKey = null,
    long Points = 0);
