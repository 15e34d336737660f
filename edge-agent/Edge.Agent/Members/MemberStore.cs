using System.Text.Json;
using Edge.Agent.Storage;
using Edge.Contracts.Agent;
using Microsoft.Data.Sqlite;

namespace Edge.Agent.Members;

/// <summary>Queries over the member cache (reads only; writes go through <see cref="MemberDeltaApplier"/> and the writer).</summary>
internal sealed class MemberStore(AgentDatabase database, HubKey hubKey)
{
    private const string Columns = "member_id, first_name, tier, consent_presence, consent_screens, consent_alerts, consent_profiling, interests, pin_hash, phone_hash, points";

    public MemberRecord? Find(string memberId) => database.Read(c => ReadOne(c, "SELECT " + Columns + " FROM members WHERE member_id = $1;", memberId));

    public MemberRecord? FindByPhoneHash(string phoneHash) => database.Read(c => ReadOne(c, "SELECT " + Columns + " FROM members WHERE phone_hash = $1 LIMIT 1;", phoneHash));

    public bool IsRevoked(string memberId) => database.Read(c => c.Long("SELECT count(*) FROM revoked_members WHERE member_id = $1;", memberId) > 0);

    public long LastSequence() => database.Read(c => c.Long("SELECT last_seq FROM member_sync WHERE id = 1;"));

    public int PresenceRows(string memberId) => (int)database.Read(c => c.Long("SELECT count(*) FROM presence WHERE member_id = $1;", memberId));

    public byte[]? MemberKey(string memberId) => database.Read(c =>
    {
        var cipher = c.Scalar("SELECT key_cipher FROM members WHERE member_id = $1;", memberId) as byte[];
        return cipher is null ? null : hubKey.Decrypt(memberId, cipher);
    });

    /// <summary>Keys of members who consent to presence, decrypted for the beacon-gateway key table.</summary>
    public List<(string MemberId, byte[] Key)> PresenceKeys() => database.Read(c =>
    {
        using var command = c.Command("SELECT member_id, key_cipher FROM members WHERE consent_presence = 1 AND key_cipher IS NOT NULL ORDER BY member_id;");
        using var reader = command.ExecuteReader();
        var list = new List<(string, byte[])>();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            list.Add((id, hubKey.Decrypt(id, (byte[])reader[1])));
        }

        return list;
    });

    private static MemberRecord? ReadOne(SqliteConnection connection, string sql, string value)
    {
        using var command = connection.Command(sql, value);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new MemberRecord(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            new MemberConsent(reader.GetInt64(3) == 1, reader.GetInt64(4) == 1, reader.GetInt64(5) == 1, reader.GetInt64(6) == 1),
            JsonSerializer.Deserialize(reader.GetString(7), AgentJsonContext.Default.StringArray) ?? [],
            reader.IsDBNull(8) ? null : reader.GetString(8),
            reader.IsDBNull(9) ? null : reader.GetString(9),
            reader.GetInt64(10));
    }
}
