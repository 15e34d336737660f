using System.Globalization;
using System.Security.Cryptography;
using Edge.Agent.Api;
using Edge.Agent.Bus;
using Edge.Agent.Members;
using Edge.Agent.Storage;
using Edge.Contracts.Agent;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Sessions;

/// <summary>
/// Kiosk sessions in SQLite (table kiosk_sessions; writes through the one writer). A session lives until its
/// absolute expiry, its idle timeout, logout, or the member's revocation (checked on every use, so a member who
/// opted out is logged out at once). Each use moves the idle deadline.
/// </summary>
internal sealed class SessionStore(AgentDatabase database, AgentWriter writer, OutboxSignal outbox, MemberStore members, IOptions<LoginOptions> options, TimeProvider time, AgentCounters counters, ILogger<SessionStore> logger)
{
    public async Task<KioskSession> CreateAsync(string memberId, string kioskId, string method, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var session = new KioskSession(NewId(), memberId, kioskId, method, now, now + options.Value.SessionLifetime, now);
        await writer.WriteAsync(tx =>
        {
            // Sessions past their expiry for a day are of no use to anyone: keep the table small.
            tx.Execute("DELETE FROM kiosk_sessions WHERE expires_at < $1;", Iso(now - TimeSpan.FromDays(1)));
            tx.Execute(
                "INSERT INTO kiosk_sessions(session_id, member_id, kiosk_id, method, created_at, expires_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, $6, $7);",
                session.SessionId, memberId, kioskId, method, Iso(now), Iso(session.ExpiresAt), Iso(now));
            // HQ counts kiosk sessions: the kiosk and the method only, keyed by a fresh random id (the session id is a secret).
            AgentOutbox.Append(tx, OutboxStreams.KioskSessions, "kiosk.session-started", "kiosk-session:" + NewId(), now,
                new KioskSessionEvent(kioskId, method, now), AgentBusJsonContext.Default.KioskSessionEvent);
        }, cancellationToken).ConfigureAwait(false);
        outbox.Notify();
        counters.Increment("sessions.created");
        return session;
    }

    /// <summary>The live session and its member, or the answer: 400 malformed id, 404 unknown or logged out, 401 expired or member revoked.</summary>
    public async Task<SessionLookup> ResolveAsync(string? sessionId, CancellationToken cancellationToken)
    {
        if (sessionId is not { Length: >= 16 and <= 128 } || !sessionId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return SessionLookup.Refused(ApiResults.BadRequest(counters, "bad_session_id", "a session id is 16-128 of A-Z a-z 0-9 - _"));
        }

        var row = database.Read(c =>
        {
            using var command = c.Command("SELECT member_id, kiosk_id, method, created_at, expires_at, last_seen_at, ended_at FROM kiosk_sessions WHERE session_id = $1;", sessionId);
            using var reader = command.ExecuteReader();
            return reader.Read()
                ? (Session: new KioskSession(sessionId, reader.GetString(0), reader.GetString(1), reader.GetString(2), Parse(reader.GetString(3)), Parse(reader.GetString(4)), Parse(reader.GetString(5))),
                    Ended: !reader.IsDBNull(6))
                : default;
        });
        if (row.Session is null || row.Ended)
        {
            return SessionLookup.Refused(ApiResults.NotFound(counters, "session_not_found", "no such session (never created, or logged out)"));
        }

        var session = row.Session;
        var now = time.GetUtcNow();
        var expiredBy = now >= session.ExpiresAt ? "expired" : now - session.LastSeenAt >= options.Value.IdleTimeout ? "idle" : null;
        var member = expiredBy is null ? members.Find(session.MemberId) : null;
        if (expiredBy is null && member is null)
        {
            expiredBy = "member revoked";
        }

        if (expiredBy is not null)
        {
            await EndAsync(sessionId, expiredBy, cancellationToken).ConfigureAwait(false);
            return SessionLookup.Refused(ApiResults.Unauthorized(counters, "session_expired", $"the session ended ({expiredBy}); log in again"));
        }

        await writer.WriteAsync(tx => tx.Execute("UPDATE kiosk_sessions SET last_seen_at = $2 WHERE session_id = $1;", sessionId, Iso(now)), cancellationToken).ConfigureAwait(false);
        return new SessionLookup(session with { LastSeenAt = now }, member, null);
    }

    /// <summary>Runs <paramref name="action"/> for a live session, or answers with the session's error.</summary>
    public async Task<IResult> InSessionAsync(string? sessionId, Func<SessionLookup, Task<IResult>> action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var lookup = await ResolveAsync(sessionId, cancellationToken).ConfigureAwait(false);
        return lookup.Error ?? await action(lookup).ConfigureAwait(false);
    }

    /// <summary>Ends a live session; false when there was none (unknown or already ended).</summary>
    public async Task<bool> EndAsync(string sessionId, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var ended = await writer.WriteAsync(
            tx => tx.Execute("UPDATE kiosk_sessions SET ended_at = $2, end_reason = $3 WHERE session_id = $1 AND ended_at IS NULL;", sessionId, Iso(now), reason) == 1,
            cancellationToken).ConfigureAwait(false);
        if (ended)
        {
            counters.Increment("sessions.ended." + reason.Replace(' ', '_'));
            SessionsLog.Ended(logger, reason);
        }

        return ended;
    }

    private static string NewId() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Iso(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
