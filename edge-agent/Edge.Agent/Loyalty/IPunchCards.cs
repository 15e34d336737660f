using Edge.Contracts.Agent;

namespace Edge.Agent.Loyalty;

/// <summary>The member's punch cards for the kiosk's MemberSummary: every configured card, with the member's progress (0 when none).</summary>
internal interface IPunchCards
{
    IReadOnlyList<PunchCardView> For(string memberId);
}
