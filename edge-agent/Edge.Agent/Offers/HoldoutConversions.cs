using System.Globalization;
using Edge.Agent.Bus;
using Edge.Agent.Storage;
using Edge.Contracts.Agent;
using Microsoft.Data.Sqlite;

namespace Edge.Agent.Offers;

/// <summary>
/// The holdout group's side of uplift: when a member's receipt is booked, each of their open holdout decisions whose
/// would-be offer the receipt matches (a line of the offer's product; or, for an offer without a product, a line of its
/// category; or any line for an offer on neither), decided at or before the purchase and with the purchase before the
/// would-be coupon's end, is marked converted and one <see cref="HoldoutConversionEvent"/> goes to the outbox
/// ("holdout-conversion:{decision}"). Runs inside the receipt's write, so a replayed receipt converts nothing twice.
/// </summary>
internal static class HoldoutConversions
{
    /// <summary>Times in the decisions table: UTC round-trip text, so that they compare as strings.</summary>
    public static string At(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Marks and reports the conversions <paramref name="receipt"/> makes; returns how many.</summary>
    public static int Record(SqliteTransaction tx, PosReceipt receipt, string memberId)
    {
        var at = At(receipt.OccurredAt);
        var converted = new List<(string DecisionId, string OfferId)>();
        using (var command = tx.Command(
            """
            SELECT trigger_id, offer_id, offer_product, offer_category FROM decisions
            WHERE member_id = $1 AND control = 1 AND offer_id IS NOT NULL AND converted_at IS NULL AND decided_at <= $2 AND valid_until > $2;
            """,
            memberId, at))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var product = reader.IsDBNull(2) ? null : reader.GetString(2);
                var category = reader.IsDBNull(3) ? null : reader.GetString(3);
                if (receipt.Lines.Any(line => Matches(line, product, category)))
                {
                    converted.Add((reader.GetString(0), reader.GetString(1)));
                }
            }
        }

        foreach (var (decisionId, offerId) in converted)
        {
            tx.Execute("UPDATE decisions SET converted_at = $1 WHERE trigger_id = $2;", at, decisionId);
            AgentOutbox.Append(tx, OutboxStreams.HoldoutConversions, "offer.holdout-converted", "holdout-conversion:" + decisionId, receipt.OccurredAt,
                new HoldoutConversionEvent(decisionId, offerId, receipt.OccurredAt), AgentBusJsonContext.Default.HoldoutConversionEvent);
        }

        return converted.Count;
    }

    internal static bool Matches(PosReceiptLine line, string? product, string? category) =>
        product is not null ? string.Equals(line.ProductId, product, StringComparison.Ordinal)
        : category is null || string.Equals(line.Category, category, StringComparison.OrdinalIgnoreCase);
}
