using Edge.Contracts.Presence;

namespace Edge.Agent.Members;

/// <summary>Something that reacts to a stored presence event (offers, staff alerts). Must not block: queue the work.</summary>
internal interface IPresenceConsumer
{
    void OnPresence(PresenceEvent presence, MemberRecord member);
}
