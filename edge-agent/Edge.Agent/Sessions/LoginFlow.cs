using Edge.Agent.Api;
using Edge.Agent.Members;
using Edge.Contracts.Agent;

namespace Edge.Agent.Sessions;

/// <summary>After a login check: the same 401 for every failure, otherwise a session, the login offer decision, and the LoginResponse.</summary>
internal sealed class LoginFlow(SessionStore sessions, SessionOffers offers, MemberSummaries summaries, AgentCounters counters, ILogger<LoginFlow> logger)
{
    public async Task<IResult> CompleteAsync(MemberRecord? member, string kioskId, string method, CancellationToken cancellationToken)
    {
        if (member is null)
        {
            return ApiResults.Unauthorized(counters, "login_failed", "wrong member, phone number, PIN or pairing token (or locked out)");
        }

        var session = await sessions.CreateAsync(member.MemberId, kioskId, method, cancellationToken).ConfigureAwait(false);
        await offers.DecideAtLoginAsync(member, session, cancellationToken).ConfigureAwait(false);
        counters.Increment("login.succeeded." + method);
        SessionsLog.LoggedIn(logger, kioskId, method, session.ExpiresAt);
        return Results.Json(new LoginResponse(session.SessionId, session.ExpiresAt, summaries.For(member)), AgentApiJsonContext.Default.LoginResponse);
    }
}
