using System.Globalization;
using System.Text;
using System.Text.Json;
using Edge.Agent.Bus;
using Edge.Agent.Storage;
using Edge.Contracts.Agent;
using Edge.Contracts.Cloud;
using Edge.Contracts.Members;
using Edge.Messaging;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Members;

/// <summary>
/// Applies <see cref="MemberDelta"/>s from cloud-sync in sequence order, exactly once: a sequence at or below the last
/// applied one is a duplicate (ignored), one beyond the next is held back until the gap is filled. The sequence is
/// stored in the same transaction as the change, so a crash never applies a delta twice or skips one. A malformed
/// message (no sequence) is dropped and counted; a delta with a sequence but bad content is skipped (the sequence
/// advances, so one bad record cannot stall the stream) and counted.
/// </summary>
internal sealed class MemberDeltaApplier(
    AgentWriter writer,
    MemberStore store,
    HubKey hubKey,
    MemberKeyPublisher keys,
    IOptions<MembersOptions> options,
    AgentCounters counters,
    TimeProvider time,
    ILogger<MemberDeltaApplier> logger) : IBusHandler
{
    private readonly SortedDictionary<long, MemberDelta> _pending = [];
    private long _last = -1;

    /// <summary>cloud-sync forwards each accepted (signed where required, in order, once) down message of this kind here.</summary>
    public string TopicFilter => CloudTopics.LocalDownFor(DownKinds.MemberDelta);

    public async Task HandleAsync(MqttMessage message, CancellationToken cancellationToken)
    {
        MemberDelta? delta;
        try
        {
            delta = Parse(message);
        }
        catch (JsonException e)
        {
            delta = null;
            MembersLog.DeltaRefused(logger, "not a member delta: " + e.Message);
        }

        if (delta is null || delta.Sequence < 1 || string.IsNullOrWhiteSpace(delta.MemberId))
        {
            counters.Increment("members.delta_malformed");
            return;
        }

        await ApplyAsync(delta, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The delta inside cloud-sync's <see cref="LocalDownEvent"/>; null when the body is not an object. Throws <see cref="JsonException"/>.</summary>
    internal static MemberDelta? Parse(MqttMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var down = JsonSerializer.Deserialize(message.Payload.Span, CloudJsonContext.Default.LocalDownEvent);
        return down is { Body.ValueKind: JsonValueKind.Object } ? down.Body.Deserialize(AgentBusJsonContext.Default.MemberDelta) : null;
    }

    public async Task ApplyAsync(MemberDelta delta, CancellationToken cancellationToken)
    {
        if (_last < 0)
        {
            _last = store.LastSequence();
        }

        if (delta.Sequence <= _last || _pending.ContainsKey(delta.Sequence))
        {
            counters.Increment("members.delta_duplicate");
            MembersLog.DeltaDuplicate(logger, delta.Sequence, _last);
            return;
        }

        if (delta.Sequence > _last + 1)
        {
            if (_pending.Count >= options.Value.MaxPendingDeltas)
            {
                counters.Increment("members.delta_dropped");
                return;
            }

            _pending[delta.Sequence] = delta;
            counters.Increment("members.delta_held");
            MembersLog.DeltaHeld(logger, delta.Sequence, _last + 1);
            return;
        }

        await ApplyOneAsync(delta, cancellationToken).ConfigureAwait(false);
        while (_pending.Remove(_last + 1, out var next))
        {
            await ApplyOneAsync(next, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ApplyOneAsync(MemberDelta delta, CancellationToken cancellationToken)
    {
        var problem = Validate(delta, out var key);
        var now = time.GetUtcNow();
        await writer.WriteAsync(tx =>
        {
            if (problem is null)
            {
                if (delta.Kind == MemberDeltaKind.Revoke)
                {
                    Revoke(tx, delta, now);
                }
                else
                {
                    Upsert(tx, delta, key);
                }
            }

            tx.Execute("UPDATE member_sync SET last_seq = $1 WHERE id = 1;", delta.Sequence);
        }, cancellationToken).ConfigureAwait(false);
        _last = delta.Sequence;

        if (problem is not null)
        {
            counters.Increment("members.delta_invalid");
            MembersLog.DeltaInvalid(logger, delta.Sequence, problem);
            return;
        }

        counters.Increment(delta.Kind == MemberDeltaKind.Revoke ? "members.revoked" : "members.upserted");
        if (delta.Kind == MemberDeltaKind.Revoke)
        {
            MembersLog.Revoked(logger, delta.MemberId);
            keys.KeysChanged(delta.MemberId);
        }
        else if (key is not null || delta.Consent is { Presence: false })
        {
            keys.KeysChanged(delta.Consent is { Presence: false } ? delta.MemberId : null);
        }
    }

    private string? Validate(MemberDelta delta, out byte[]? key)
    {
        key = null;
        if (Encoding.UTF8.GetByteCount(delta.MemberId) > 255)
        {
            return "member id longer than 255 bytes";
        }

        if (delta.Kind == MemberDeltaKind.Revoke)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(delta.FirstName) || string.IsNullOrWhiteSpace(delta.Tier) || delta.Consent is null)
        {
            return $"upsert of '{delta.MemberId}' lacks firstName, tier or consent";
        }

        if (delta.PinHash is not null && PinHash.Validate(delta.PinHash, options.Value.MinPinIterations) is { } pinProblem)
        {
            return pinProblem;
        }

        if (delta.RotatingIdKey is not null)
        {
            try
            {
                key = Convert.FromBase64String(delta.RotatingIdKey);
            }
            catch (FormatException)
            {
                return "rotatingIdKey is not base64";
            }

            if (key.Length != 16)
            {
                return $"rotatingIdKey has {key.Length} bytes, not 16";
            }
        }

        return null;
    }

    private void Upsert(SqliteTransaction tx, MemberDelta delta, byte[]? key)
    {
        var consent = delta.Consent!;
        // Without presence consent the key is not kept at all: nothing on the hub can recognise the phone.
        var cipher = key is not null && consent.Presence ? hubKey.Encrypt(delta.MemberId, key) : null;
        tx.Execute(
            """
            INSERT INTO members(member_id, first_name, tier, consent_presence, consent_screens, consent_alerts, consent_profiling, interests, pin_hash, phone_hash, key_cipher, points, seq)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            ON CONFLICT(member_id) DO UPDATE SET first_name = $2, tier = $3, consent_presence = $4, consent_screens = $5, consent_alerts = $6,
                consent_profiling = $7, interests = $8, pin_hash = $9, phone_hash = $10,
                key_cipher = CASE WHEN $4 = 0 THEN NULL ELSE coalesce($11, key_cipher) END, points = $12, seq = $13;
            """,
            delta.MemberId, delta.FirstName, delta.Tier, consent.Presence ? 1 : 0, consent.PersonalisedScreens ? 1 : 0, consent.StaffAlerts ? 1 : 0,
            consent.OfferProfiling ? 1 : 0, JsonSerializer.Serialize((delta.Interests ?? []).ToArray(), AgentJsonContext.Default.StringArray),
            delta.PinHash, delta.PhoneHash, cipher, delta.Points, delta.Sequence);
        tx.Execute("DELETE FROM revoked_members WHERE member_id = $1;", delta.MemberId);
        if (!consent.Presence)
        {
            tx.Execute("DELETE FROM presence WHERE member_id = $1;", delta.MemberId);
        }
    }

    private static void Revoke(SqliteTransaction tx, MemberDelta delta, DateTimeOffset now)
    {
        // The key goes with the row; SQLite's secure_delete would also zero the freed pages, WAL checkpoints follow.
        tx.Execute("DELETE FROM members WHERE member_id = $1;", delta.MemberId);
        tx.Execute("DELETE FROM presence WHERE member_id = $1;", delta.MemberId);
        tx.Execute(
            "INSERT INTO revoked_members(member_id, seq, revoked_at) VALUES ($1, $2, $3) ON CONFLICT(member_id) DO UPDATE SET seq = $2, revoked_at = $3;",
            delta.MemberId, delta.Sequence, now.ToString("O", CultureInfo.InvariantCulture));
    }
}
