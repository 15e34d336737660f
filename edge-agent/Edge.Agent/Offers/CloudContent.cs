using Edge.Agent.Storage;
using Microsoft.Data.Sqlite;

namespace Edge.Agent.Offers;

/// <summary>
/// Table cloud_content: per down kind, the last sequence handled and what it left in force (the offer catalog's
/// JSON, the current model bundle's folder name). Written in the same transaction as the sequence, so a re-delivery
/// after a restart is recognised and a restart serves what the cloud sent last.
/// </summary>
internal static class CloudContent
{
    public const string OfferCatalog = "offer-catalog";
    public const string ModelBundle = "model-bundle";

    /// <summary>The shadow model's folder (its sequence is recorded under <see cref="ModelBundle"/>, like every bundle's).</summary>
    public const string ShadowBundle = "model-bundle-shadow";

    public static (long Sequence, string? Content)? Read(AgentDatabase database, string kind) => database.Read(c =>
    {
        using var command = c.Command("SELECT last_seq, content FROM cloud_content WHERE kind = $1;", kind);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1)) : ((long, string?)?)null;
    });

    public static long LastSequence(SqliteTransaction tx, string kind) =>
        tx.Long("SELECT last_seq FROM cloud_content WHERE kind = $1;", kind);

    public static void Remove(SqliteTransaction tx, string kind) => tx.Execute("DELETE FROM cloud_content WHERE kind = $1;", kind);

    /// <summary>Records <paramref name="sequence"/> as handled; a null <paramref name="content"/> keeps what is in force.</summary>
    public static void Write(SqliteTransaction tx, string kind, long sequence, string? content) =>
        tx.Execute(
            "INSERT INTO cloud_content(kind, last_seq, content) VALUES ($1, $2, $3) ON CONFLICT(kind) DO UPDATE SET last_seq = excluded.last_seq, content = coalesce(excluded.content, cloud_content.content);",
            kind, sequence, content);
}
