using System.Globalization;
using Edge.Agent.Storage;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Sessions;

/// <summary>
/// Counts failed logins in table login_failures, per subject (a member id or a phone hash, so guessing one member's
/// PIN from many kiosks is locked too) and per kiosk (guessing many members' PINs on one kiosk), within
/// <see cref="LoginOptions.LockoutDuration"/>. Enforced here, not only in the kiosk: a kiosk with a stolen token
/// cannot brute-force 4-digit PINs.
/// </summary>
internal sealed class LoginLockout(AgentDatabase database, AgentWriter writer, IOptions<LoginOptions> options, TimeProvider time)
{
    /// <summary>Which lock applies ("member" or "kiosk"), or null.</summary>
    public string? Locked(string kioskId, string? subject)
    {
        var o = options.Value;
        var since = Iso(time.GetUtcNow() - o.LockoutDuration);
        return database.Read(c =>
            subject is not null && c.Long("SELECT count(*) FROM login_failures WHERE subject = $1 AND failed_at > $2;", subject, since) >= o.MaxWrongPinsPerMember
                ? "member"
                : c.Long("SELECT count(*) FROM login_failures WHERE kiosk_id = $1 AND failed_at > $2;", kioskId, since) >= o.MaxWrongPinsPerKiosk
                    ? "kiosk"
                    : null);
    }

    public Task RecordFailureAsync(string kioskId, string subject, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var horizon = Iso(now - options.Value.LockoutDuration);
        return writer.WriteAsync(tx =>
        {
            tx.Execute("INSERT INTO login_failures(kiosk_id, subject, failed_at) VALUES ($1, $2, $3);", kioskId, subject, Iso(now));
            tx.Execute("DELETE FROM login_failures WHERE failed_at <= $1;", horizon); // older failures no longer count
        }, cancellationToken);
    }

    /// <summary>A correct PIN clears the member's count (not the kiosk's: another member's guesses still count there).</summary>
    public Task ClearAsync(string subject, CancellationToken cancellationToken) =>
        writer.WriteAsync(tx => tx.Execute("DELETE FROM login_failures WHERE subject = $1;", subject), cancellationToken);

    private static string Iso(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);
}
