using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Edge.Agent.Members;
using Edge.Agent.Storage;
using Edge.Contracts.Members;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Sessions;

/// <summary>
/// Verifies the three kiosk logins. Every failure is reported to the caller the same way (null: the endpoint answers
/// 401 login_failed) so a kiosk cannot learn whether a member, phone number or PIN exists; the reason only goes to
/// the log and counters. Unknown members still cost one PBKDF2 run, so timing does not tell them apart either.
/// </summary>
internal sealed class LoginService(
    AgentDatabase database,
    AgentWriter writer,
    MemberStore members,
    LoginLockout lockout,
    IOptions<LoginOptions> options,
    IOptions<MembersOptions> memberOptions,
    TimeProvider time,
    AgentCounters counters,
    ILogger<LoginService> logger)
{
    private string? _decoyHash;

    /// <summary>The member sensed in the kiosk's zone within <see cref="LoginOptions.ProximityWindow"/>, confirmed by PIN.</summary>
    public async Task<MemberRecord?> ProximityAsync(string kioskId, string memberId, string pin, CancellationToken cancellationToken)
    {
        var subject = "member:" + memberId;
        if (IsLocked(kioskId, subject, LoginMethod.Proximity))
        {
            return null;
        }

        var member = members.Find(memberId);
        var pinOk = CheckPin(member, pin);
        if (member is null || !pinOk)
        {
            await FailAsync(kioskId, subject, LoginMethod.Proximity, member is null ? "unknown member" : "wrong PIN", cancellationToken).ConfigureAwait(false);
            return null;
        }

        if (!SensedAtKiosk(kioskId, memberId))
        {
            // The PIN was right: not a guess, so it does not count towards a lockout.
            Refuse(kioskId, LoginMethod.Proximity, "member not sensed in the kiosk's zone");
            return null;
        }

        await lockout.ClearAsync(subject, cancellationToken).ConfigureAwait(false);
        return member;
    }

    public async Task<MemberRecord?> PhoneAsync(string kioskId, string e164, string pin, CancellationToken cancellationToken)
    {
        var hash = PhoneNumber.Hash(e164);
        var subject = "phone:" + hash;
        if (IsLocked(kioskId, subject, LoginMethod.Phone))
        {
            return null;
        }

        var member = members.FindByPhoneHash(hash);
        if (!CheckPin(member, pin) || member is null)
        {
            await FailAsync(kioskId, subject, LoginMethod.Phone, member is null ? "unknown phone number" : "wrong PIN", cancellationToken).ConfigureAwait(false);
            return null;
        }

        await lockout.ClearAsync(subject, cancellationToken).ConfigureAwait(false);
        return member;
    }

    /// <summary>The app's pairing token: valid HMAC under the member's key, current window (or the previous one within the grace), never used before.</summary>
    public async Task<MemberRecord?> QrAsync(string kioskId, string token, CancellationToken cancellationToken)
    {
        if (IsLocked(kioskId, null, LoginMethod.Qr))
        {
            return null;
        }

        var now = time.GetUtcNow();
        var current = QrPairingToken.WindowOf(now);
        var graceOk = now - DateTimeOffset.FromUnixTimeSeconds(current * (long)QrPairingToken.Window.TotalSeconds) < options.Value.QrPreviousWindowGrace;
        if (!QrPairingToken.TryParse(token, out var memberId, out var window, out var code) || !(window == current || (window == current - 1 && graceOk)))
        {
            await FailAsync(kioskId, "qr", LoginMethod.Qr, "malformed or out-of-window token", cancellationToken).ConfigureAwait(false);
            return null;
        }

        var member = members.Find(memberId);
        var key = member is null ? null : members.MemberKey(memberId);
        if (member is null || key is null || !QrPairingToken.CodeMatches(key, window, code))
        {
            await FailAsync(kioskId, "qr", LoginMethod.Qr, "token not signed by the member's key", cancellationToken).ConfigureAwait(false);
            return null;
        }

        // One use, anywhere: the first kiosk that presents the token consumes it (bound to that kiosk's session).
        var tokenHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        var fresh = await writer.WriteAsync(tx =>
        {
            // Tokens older than two windows are refused by their window anyway: their records can go.
            tx.Execute("DELETE FROM qr_tokens_used WHERE used_at < $1;", (now - 2 * QrPairingToken.Window).ToString("O", CultureInfo.InvariantCulture));
            return tx.Execute(
                "INSERT OR IGNORE INTO qr_tokens_used(token_hash, member_id, kiosk_id, used_at) VALUES ($1, $2, $3, $4);",
                tokenHash, memberId, kioskId, now.ToString("O", CultureInfo.InvariantCulture)) == 1;
        }, cancellationToken).ConfigureAwait(false);
        if (!fresh)
        {
            await FailAsync(kioskId, "qr", LoginMethod.Qr, "token already used", cancellationToken).ConfigureAwait(false);
            return null;
        }

        return member;
    }

    private bool IsLocked(string kioskId, string? subject, string method)
    {
        if (lockout.Locked(kioskId, subject) is not { } scope)
        {
            return false;
        }

        counters.Increment("login.locked_out");
        SessionsLog.LockedOut(logger, kioskId, scope);
        Refuse(kioskId, method, "locked out (" + scope + ")");
        return true;
    }

    private bool CheckPin(MemberRecord? member, string pin)
    {
        if (member?.PinHash is { } hash)
        {
            return PinHash.Verify(hash, pin);
        }

        // Same cost as a real check, so an unknown member is not faster to refuse.
        _decoyHash ??= PinHash.Create("0000", memberOptions.Value.MinPinIterations);
        PinHash.Verify(_decoyHash, pin);
        return false;
    }

    private bool SensedAtKiosk(string kioskId, string memberId)
    {
        if (!options.Value.KioskZones.TryGetValue(kioskId, out var zone))
        {
            return false;
        }

        var since = (time.GetUtcNow() - options.Value.ProximityWindow).ToString("O", CultureInfo.InvariantCulture);
        return database.Read(c =>
        {
            using var command = c.Command("SELECT zone, kind, occurred_at FROM presence WHERE member_id = $1 ORDER BY occurred_at DESC LIMIT 1;", memberId);
            using var reader = command.ExecuteReader();
            return reader.Read() && reader.GetString(0) == zone && reader.GetString(1) != "left" && string.CompareOrdinal(reader.GetString(2), since) > 0;
        });
    }

    private async Task FailAsync(string kioskId, string subject, string method, string reason, CancellationToken cancellationToken)
    {
        await lockout.RecordFailureAsync(kioskId, subject, cancellationToken).ConfigureAwait(false);
        Refuse(kioskId, method, reason);
    }

    private void Refuse(string kioskId, string method, string reason)
    {
        counters.Increment("login.failed." + method);
        SessionsLog.LoginRefused(logger, kioskId, method, reason);
    }
}
