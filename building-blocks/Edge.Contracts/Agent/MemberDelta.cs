namespace Edge.Contracts.Agent;

/// <summary>
/// One change to the hub's member cache, from the cloud (down kind member-delta) through cloud-sync, which forwards it as the body of a
/// <see cref="Cloud.LocalDownEvent"/> on store/down/member-delta.
/// <see cref="Sequence"/> is per store, gap-free, starting at 1: the hub applies deltas in order, ignores one it
/// has applied, and holds back one that comes early until the gap is filled.
/// <see cref="PinHash"/>: "pbkdf2-sha256${iterations}${salt base64}${hash base64}". <see cref="PhoneHash"/>: lowercase
/// hex SHA-256 of the E.164 number (a lookup key, not a secret). <see cref="RotatingIdKey"/>: the 16-byte K_member,
/// base64; the hub stores it only encrypted (AES-GCM under its key file). For <see cref="MemberDeltaKind.Revoke"/>
/// only <see cref="Sequence"/>, <see cref="MemberId"/> and <see cref="Kind"/> matter.
/// </summary>
public sealed record MemberDelta(
    long Sequence,
    string MemberId,
    MemberDeltaKind Kind,
    string? FirstName = null,
    string? Tier = null,
    MemberConsent? Consent = null,
    IReadOnlyList<string>? Interests = null,
    string? PinHash = null,
    string? PhoneHash = null,
    string? RotatingIdKey = null,
    long Points = 0);
