using System.Globalization;
using System.Text.Json;
using Edge.Agent.Bus;
using Edge.Agent.Storage;
using Edge.Contracts.Agent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Loyalty;

/// <summary>
/// Books a POS e-receipt in ONE write: idempotent by transaction id (a replay answers the first figures), stamps the
/// configured punch cards within their daily caps, adds pending points (floor(total x rate), within the member's
/// daily cap), feeds the member's purchase statistics (lines, spend, lines per category: the offer model's history
/// features) and records which products the member bought, appends the stamp and points outbox events, and reports the
/// holdout decisions the purchase converts (<see cref="Offers.HoldoutConversions"/>).
/// </summary>
internal sealed class ReceiptProcessor(AgentWriter writer, OutboxSignal outbox, IOptions<LoyaltyOptions> options, Games.StoreCalendar calendar, TimeProvider time, AgentCounters counters, ILogger<ReceiptProcessor> logger)
{
    public async Task<ReceiptOutcome> ProcessAsync(PosReceipt receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var o = options.Value;
        if (ReceiptValidator.Problem(receipt, o, time.GetUtcNow()) is { } problem)
        {
            counters.Increment("api.bad_request");
            counters.Increment("loyalty.receipt_invalid");
            LoyaltyLog.Refused(logger, problem.Reason);
            return new ReceiptOutcome(null, StatusCodes.Status400BadRequest, new ApiError(problem.Code, problem.Reason));
        }

        var day = Games.GameLedger.Day(calendar.DayOf(receipt.OccurredAt));
        var outcome = await writer.WriteAsync(tx => Book(tx, receipt, o, day), cancellationToken).ConfigureAwait(false);
        if (outcome.Result is { } result)
        {
            counters.Increment(result.Duplicate ? "loyalty.receipt_duplicate" : "loyalty.receipt_booked");
            if (!result.Duplicate)
            {
                outbox.Notify();
                LoyaltyLog.Receipt(logger, result.TransactionId, result.StampsAdded, result.PendingPointsAdded);
            }
        }
        else
        {
            counters.Increment("loyalty.receipt_unknown_member");
            LoyaltyLog.Refused(logger, outcome.Error!.Message);
        }

        return outcome;
    }

    private ReceiptOutcome Book(SqliteTransaction tx, PosReceipt receipt, LoyaltyOptions o, string day)
    {
        using (var earlier = tx.Command("SELECT stamps_added, points_added FROM receipts WHERE txn_id = $1;", receipt.TransactionId))
        using (var reader = earlier.ExecuteReader())
        {
            if (reader.Read())
            {
                return new ReceiptOutcome(new PosReceiptResult(receipt.TransactionId, true, (int)reader.GetInt64(0), reader.GetInt64(1)), StatusCodes.Status200OK, null);
            }
        }

        var memberId = receipt.MemberId;
        if (memberId is not null && tx.Long("SELECT count(*) FROM members WHERE member_id = $1;", memberId) == 0)
        {
            return new ReceiptOutcome(null, StatusCodes.Status404NotFound, new ApiError("unknown_member", "no such member on this hub (never synced, or left the programme): nothing booked"));
        }

        var stamps = 0;
        var points = 0L;
        if (memberId is not null)
        {
            foreach (var card in o.PunchCards)
            {
                stamps += Stamp(tx, receipt, memberId, card, day);
            }

            var earned = (long)decimal.Floor(receipt.Total * o.PointsPerCurrencyUnit);
            if (earned > 0)
            {
                var award = PointsLedger.AddPending(tx, memberId, earned, "receipt", receipt.TransactionId, receipt.OccurredAt, day, o.MaxPendingPointsPerMemberPerDay);
                PointsLedger.Count(counters, award);
                points = award.Points;
            }

            FeedStats(tx, receipt, memberId);
            var conversions = Offers.HoldoutConversions.Record(tx, receipt, memberId);
            if (conversions > 0)
            {
                counters.Increment("offers.holdout_converted", conversions);
            }
        }

        tx.Execute(
            "INSERT INTO receipts(txn_id, member_id, occurred_at, total, stamps_added, points_added) VALUES ($1, $2, $3, $4, $5, $6);",
            receipt.TransactionId, memberId, receipt.OccurredAt.ToString("O", CultureInfo.InvariantCulture), (double)receipt.Total, stamps, points);
        return new ReceiptOutcome(new PosReceiptResult(receipt.TransactionId, false, stamps, points), StatusCodes.Status200OK, null);
    }

    private int Stamp(SqliteTransaction tx, PosReceipt receipt, string memberId, PunchCardDefinition card, string day)
    {
        // One stamp per unit bought (a weighed line counts once), within the card's daily cap.
        var qualifying = receipt.Lines.Where(l => card.Matches(l.ProductId, l.Category)).Sum(l => Math.Max(1, (int)decimal.Floor(Math.Min(l.Quantity, 10_000))));
        if (qualifying == 0)
        {
            return 0;
        }

        var today = (int)tx.Long("SELECT stamps FROM stamp_days WHERE member_id = $1 AND card_id = $2 AND day = $3;", memberId, card.CardId, day);
        var added = Math.Min(qualifying, card.MaxStampsPerDay - today);
        if (added < qualifying)
        {
            counters.Increment("loyalty.stamps_capped", qualifying - Math.Max(0, added));
        }

        if (added <= 0)
        {
            return 0;
        }

        tx.Execute(
            "INSERT INTO stamp_days(member_id, card_id, day, stamps) VALUES ($1, $2, $3, $4) ON CONFLICT(member_id, card_id, day) DO UPDATE SET stamps = stamps + $4;",
            memberId, card.CardId, day, added);
        var stamps = (int)tx.Long("SELECT stamps FROM punch_cards WHERE member_id = $1 AND card_id = $2;", memberId, card.CardId) + added;
        var completed = (int)tx.Long("SELECT completed FROM punch_cards WHERE member_id = $1 AND card_id = $2;", memberId, card.CardId);
        var rewards = stamps / card.StampsRequired;
        stamps %= card.StampsRequired;
        completed += rewards;
        tx.Execute(
            "INSERT INTO punch_cards(member_id, card_id, stamps, completed) VALUES ($1, $2, $3, $4) ON CONFLICT(member_id, card_id) DO UPDATE SET stamps = $3, completed = $4;",
            memberId, card.CardId, stamps, completed);
        AgentOutbox.Append(tx, OutboxStreams.Stamps, "punchcard.stamped", "stamp:" + receipt.TransactionId + ":" + card.CardId, receipt.OccurredAt,
            new PunchCardStampedEvent(receipt.TransactionId, memberId, card.CardId, added, stamps, completed, rewards, receipt.OccurredAt),
            LoyaltyJsonContext.Default.PunchCardStampedEvent);
        counters.Increment("loyalty.stamps", added);
        if (rewards > 0)
        {
            counters.Increment("loyalty.rewards_earned", rewards);
        }

        return added;
    }

    private static void FeedStats(SqliteTransaction tx, PosReceipt receipt, string memberId)
    {
        var departments = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tx.Scalar("SELECT departments FROM member_stats WHERE member_id = $1;", memberId) is string json)
        {
            departments = JsonSerializer.Deserialize(json, AgentJsonContext.Default.DictionaryStringInt32) ?? departments;
        }

        foreach (var line in receipt.Lines)
        {
            if (line.Category is { } category)
            {
                departments[category] = departments.GetValueOrDefault(category) + 1;
            }

            tx.Execute("INSERT OR IGNORE INTO member_purchases(member_id, product_id, first_at) VALUES ($1, $2, $3);",
                memberId, line.ProductId, receipt.OccurredAt.ToString("O", CultureInfo.InvariantCulture));
        }

        tx.Execute(
            """
            INSERT INTO member_stats(member_id, lines, spend, departments) VALUES ($1, $2, $3, $4)
            ON CONFLICT(member_id) DO UPDATE SET lines = lines + $2, spend = spend + $3, departments = $4;
            """,
            memberId, receipt.Lines.Count, (double)receipt.Total, JsonSerializer.Serialize(departments, AgentJsonContext.Default.DictionaryStringInt32));
    }
}
