using Edge.Contracts.Agent;

namespace Edge.Agent.Sessions;

/// <summary>Stand-in until punch cards are built: nobody has any.</summary>
internal sealed class NoPunchCards : IPunchCardSource
{
    public IReadOnlyList<PunchCardView> For(string memberId) => [];
}
