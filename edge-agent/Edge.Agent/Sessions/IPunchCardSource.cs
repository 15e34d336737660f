using Edge.Contracts.Agent;

namespace Edge.Agent.Sessions;

/// <summary>
/// The member's punch cards for <see cref="MemberSummary"/>. Punch cards belong to the POS side (receipts); until that
/// registers its own source, <see cref="NoPunchCards"/> answers (registered with TryAdd, so the real one wins).
/// </summary>
internal interface IPunchCardSource
{
    IReadOnlyList<PunchCardView> For(string memberId);
}
