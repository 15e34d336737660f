using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Edge.Agent.Storage;
using Microsoft.Data.Sqlite;

namespace Edge.Agent.Alerts;

/// <summary>SQL of the alert log and the clerk roster, run inside the one writer's transactions.</summary>
internal static class AlertStore
{
    public const string Open = "open";

    public static string At(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string at) => DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    public static string HourOf(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH':00:00Z'", CultureInfo.InvariantCulture);

    /// <summary>A keyed hash of the member id (key: random, per database): enough for the cooldown, not a member id.</summary>
    public static string MemberRef(SqliteTransaction tx, string memberId)
    {
        var key = (byte[])tx.Scalar("SELECT member_ref_key FROM alert_secret WHERE id = 1;")!;
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(memberId)))[..32];
    }

    public static List<ClerkState> Clerks(SqliteTransaction tx)
    {
        using var command = tx.Command("SELECT clerk_id, on_shift, busy, zone FROM clerks;");
        using var reader = command.ExecuteReader();
        var list = new List<ClerkState>();
        while (reader.Read())
        {
            list.Add(new ClerkState(reader.GetString(0), reader.GetInt64(1) == 1, reader.GetInt64(2) == 1, reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return list;
    }

    public static Dictionary<string, int> SentSince(SqliteTransaction tx, DateTimeOffset since)
    {
        using var command = tx.Command("SELECT clerk_id, count(*) FROM alert_deliveries WHERE at > $1 GROUP BY clerk_id;", At(since));
        using var reader = command.ExecuteReader();
        var sent = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.Read())
        {
            sent[reader.GetString(0)] = (int)reader.GetInt64(1);
        }

        return sent;
    }

    public static ClerkState? Route(SqliteTransaction tx, string zone, IReadOnlyCollection<string> exclude, AlertsOptions options, DateTimeOffset now) =>
        ClerkRouter.Choose(Clerks(tx), SentSince(tx, now - TimeSpan.FromHours(1)), zone, exclude, options);

    public static void Deliver(SqliteTransaction tx, string alertId, string clerkId, DateTimeOffset now) =>
        tx.Execute("INSERT INTO alert_deliveries(alert_id, clerk_id, at) VALUES ($1, $2, $3);", alertId, clerkId, At(now));

    public static string[] Offered(string json) => JsonSerializer.Deserialize(json, AgentJsonContext.Default.StringArray) ?? [];

    public static string OfferedJson(IEnumerable<string> clerks) => JsonSerializer.Serialize(clerks.ToArray(), AgentJsonContext.Default.StringArray);

    /// <summary>Closes an alert and erases what it knew of the member: the member id and the content go, the keyed hash stays for the cooldown.</summary>
    public static void Close(SqliteTransaction tx, string alertId, string status, DateTimeOffset now, string? claimedBy, double? secondsToClaim) =>
        tx.Execute(
            "UPDATE staff_alerts SET status = $2, closed_at = $3, claimed_by = $4, seconds_to_claim = $5, member_id = NULL, content = NULL WHERE alert_id = $1;",
            alertId, status, At(now), claimedBy, secondsToClaim);
}
