namespace Edge.Contracts.Agent;

public enum MemberDeltaKind
{
    /// <summary>Create or replace the member's cached record.</summary>
    Upsert,

    /// <summary>Opt-out: erase the member's key and presence data on the hub at once.</summary>
    Revoke,
}
