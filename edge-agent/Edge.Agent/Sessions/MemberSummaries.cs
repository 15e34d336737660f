using Edge.Agent.Members;
using Edge.Agent.Storage;
using Edge.Contracts.Agent;

namespace Edge.Agent.Sessions;

/// <summary>What a kiosk may show about the member: first name, tier, confirmed and pending points, punch cards. Never purchase history.</summary>
internal sealed class MemberSummaries(AgentDatabase database, IPunchCardSource punchCards)
{
    public MemberSummary For(MemberRecord member)
    {
        var pending = database.Read(c => c.Long("SELECT coalesce(sum(points), 0) FROM pending_points WHERE member_id = $1;", member.MemberId));
        return new MemberSummary(member.MemberId, member.FirstName, member.Tier, member.Points, pending, punchCards.For(member.MemberId));
    }
}
