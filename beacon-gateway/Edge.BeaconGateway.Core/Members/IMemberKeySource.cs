namespace Edge.BeaconGateway.Members;

/// <summary>
/// Where enrolled members' keys come from: edge-agent's members cache (over the local bus, to come) or an
/// encrypted file (<see cref="EncryptedMemberKeyFile"/>). A revocation is a load that no longer contains the member.
/// </summary>
public interface IMemberKeySource
{
    Task<IReadOnlyList<MemberKey>> LoadAsync(CancellationToken cancellationToken);
}
