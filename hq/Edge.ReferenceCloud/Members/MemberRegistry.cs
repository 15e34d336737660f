using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Edge.Contracts.Agent;
using Edge.Contracts.Cloud;
using Edge.Contracts.Members;
using Edge.ReferenceCloud.Downstream;
using Edge.ReferenceCloud.Storage;

namespace Edge.ReferenceCloud.Members;

/// <summary>
/// Opted-in members per store, sent to the store's hub as member deltas (down kind member-delta; the delta's own
/// sequence is the down sequence, so both agree). The cloud keeps the member's rotating-ID key to give to their app;
/// the PIN leaves only as a slow salted hash and the phone number only as its SHA-256.
/// </summary>
internal sealed class MemberRegistry(CloudDatabase database, DownPublisher publisher)
{
    /// <summary>PBKDF2 iterations for new PIN hashes (the hub refuses fewer than its configured minimum).</summary>
    public const int PinIterations = 100_000;

    public async Task<MemberEnrolled> EnrolAsync(string storeId, EnrolMemberRequest request, CancellationToken cancellationToken)
    {
        var key = request.RotatingIdKey is { } given ? Convert.FromBase64String(given) : RandomNumberGenerator.GetBytes(16);
        if (key.Length != 16)
        {
            throw new ArgumentException("rotatingIdKey must be 16 bytes (base64)", nameof(request));
        }

        lock (database.Gate)
        {
            using var command = database.Connection.CreateCommand();
            command.CommandText = """
                INSERT INTO members (store_id, member_id, first_name, tier, rotating_id_key, revoked_at) VALUES ($s, $m, $f, $t, $k, NULL)
                ON CONFLICT (store_id, member_id) DO UPDATE SET first_name = $f, tier = $t, rotating_id_key = $k, revoked_at = NULL
                """;
            command.Parameters.AddWithValue("$s", storeId);
            command.Parameters.AddWithValue("$m", request.MemberId);
            command.Parameters.AddWithValue("$f", request.FirstName);
            command.Parameters.AddWithValue("$t", request.Tier);
            command.Parameters.AddWithValue("$k", key);
            command.ExecuteNonQuery();
        }

        var pinHash = request.Pin is null ? null : PinHash.Create(request.Pin, PinIterations);
        var phoneHash = request.Phone is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.Phone)));
        var (_, sequence) = await publisher.PublishAsync(storeId, DownKinds.MemberDelta, seq => JsonSerializer.SerializeToUtf8Bytes(
            new MemberDelta(seq, request.MemberId, MemberDeltaKind.Upsert, request.FirstName, request.Tier, request.Consent, request.Interests ?? [], pinHash, phoneHash, Convert.ToBase64String(key), request.Points),
            AgentBusJsonContext.Default.MemberDelta), $"member:{request.MemberId}:{Guid.NewGuid():N}", cancellationToken).ConfigureAwait(false);
        return new MemberEnrolled(request.MemberId, sequence, Convert.ToBase64String(key));
    }

    /// <summary>Opt-out: the key is erased here too, and the hub is told to erase it and the member's presence.</summary>
    public async Task<long?> RevokeAsync(string storeId, string memberId, CancellationToken cancellationToken)
    {
        lock (database.Gate)
        {
            using var command = database.Connection.CreateCommand();
            command.CommandText = "UPDATE members SET rotating_id_key = NULL, revoked_at = unixepoch() WHERE store_id = $s AND member_id = $m AND revoked_at IS NULL";
            command.Parameters.AddWithValue("$s", storeId);
            command.Parameters.AddWithValue("$m", memberId);
            if (command.ExecuteNonQuery() == 0)
            {
                return null;
            }
        }

        var (_, sequence) = await publisher.PublishAsync(storeId, DownKinds.MemberDelta, seq => JsonSerializer.SerializeToUtf8Bytes(
            new MemberDelta(seq, memberId, MemberDeltaKind.Revoke), AgentBusJsonContext.Default.MemberDelta), $"member:{memberId}:revoke", cancellationToken).ConfigureAwait(false);
        return sequence;
    }

    /// <summary>The rotating-ID key of an opted-in member (what their app holds); null when unknown or revoked.</summary>
    public byte[]? KeyOf(string storeId, string memberId)
    {
        lock (database.Gate)
        {
            using var command = database.Connection.CreateCommand();
            command.CommandText = "SELECT rotating_id_key FROM members WHERE store_id = $s AND member_id = $m AND revoked_at IS NULL";
            command.Parameters.AddWithValue("$s", storeId);
            command.Parameters.AddWithValue("$m", memberId);
            return command.ExecuteScalar() as byte[];
        }
    }
}
