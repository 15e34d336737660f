namespace Edge.Contracts.Agent;

/// <summary>
/// The hub's member key table changed. <see cref="KeyFile"/> is the EMK1 file (beacon-gateway's EncryptedMemberKeyFile
/// format) that now holds <see cref="MemberCount"/> keys; <see cref="Revoked"/> lists members to drop immediately.
/// </summary>
public sealed record MemberKeysUpdate(long Version, string KeyFile, int MemberCount, IReadOnlyList<string> Revoked, DateTimeOffset At);
