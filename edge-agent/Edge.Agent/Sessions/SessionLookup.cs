using Edge.Agent.Members;

namespace Edge.Agent.Sessions;

/// <summary>A resolved session and its member, or the ApiError answer to send instead.</summary>
internal sealed record SessionLookup(KioskSession? Session, MemberRecord? Member, IResult? Error)
{
    public static SessionLookup Refused(IResult error) => new(null, null, error);
}
