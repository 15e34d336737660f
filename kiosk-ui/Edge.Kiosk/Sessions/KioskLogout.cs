using Edge.Kiosk.Agent;
using Edge.Kiosk.Live;

namespace Edge.Kiosk.Sessions;

/// <summary>Ends a shopper's visit: tells edge-agent (best effort), forgets the whole kiosk session, and sends the screen back to attract mode.</summary>
internal sealed class KioskLogout(KioskSessionStore sessions, AgentClient agent, LiveNotifier live, ILogger<KioskLogout> logger)
{
    public async Task LogoutAsync(KioskSession session, string reason, CancellationToken ct)
    {
        sessions.Remove(session.Id);
        var login = session.Login;
        session.Login = null;
        KioskLog.LoggedOut(logger, session.Id[..8], reason);
        if (login is not null)
        {
            try
            {
                await agent.LogoutAsync(login.SessionId, ct);
            }
            catch (Exception ex) when (ex is AgentUnavailableException or AgentRefusedException)
            {
                // The agent session expires on its own (LoginResponse.ExpiresAt); the screen is wiped either way.
            }
        }

        await live.LoggedOutAsync(session.Id, ct);
    }
}
