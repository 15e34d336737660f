namespace Edge.BeaconGateway.Members;

/// <summary>One enrolled member's 128-bit key, issued by the cloud at opt-in (K_member).</summary>
public sealed class MemberKey
{
    public MemberKey(string memberId, byte[] key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(memberId);
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != 16)
        {
            throw new ArgumentException($"Member key for '{memberId}' must be 16 bytes (AES-128), not {key.Length}.", nameof(key));
        }

        MemberId = memberId;
        Key = key;
    }

    public string MemberId { get; }

    /// <summary>The raw key. Not printed by <see cref="ToString"/>, so it never reaches a log by accident.</summary>
    public byte[] Key { get; }

    public override string ToString() => $"MemberKey({MemberId})";
}
