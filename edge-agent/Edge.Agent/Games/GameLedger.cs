using System.Globalization;
using Edge.Agent.Bus;
using Edge.Agent.Storage;
using Edge.Contracts.Agent;
using Microsoft.Data.Sqlite;

namespace Edge.Agent.Games;

/// <summary>The writes the games share, always inside the one writer's transaction: draw records, budget spent, pending points, their outbox events.</summary>
internal static class GameLedger
{
    public static long Played(SqliteTransaction tx, string memberId, string game, DateOnly day) =>
        tx.Long("SELECT count(*) FROM prize_draws WHERE member_id = $1 AND game = $2 AND store_day = $3;", memberId, game, Day(day));

    /// <summary>The budget left in the period: the period's amount minus every prize won in it (draws and spins).</summary>
    public static decimal Left(SqliteTransaction tx, PrizeBudget budget)
    {
        var spent = Convert.ToDecimal(tx.Scalar("SELECT coalesce(sum(prize_value), 0) FROM prize_draws WHERE period = $1 AND won = 1;", budget.Period) ?? 0d, CultureInfo.InvariantCulture);
        return Math.Max(0m, budget.Amount - Math.Round(spent, 2));
    }

    public static void Record(SqliteTransaction tx, DrawRecord d)
    {
        tx.Execute(
            """
            INSERT INTO prize_draws(draw_id, game, member_id, kiosk_id, store_day, period, random_value, odds, won, prize, prize_value, pending, budget_before, budget_left, segment_index, outcome, drawn_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17);
            """,
            d.DrawId, d.Game, d.MemberId, d.KioskId, Day(d.StoreDay), d.Budget.Period, d.RandomValue, d.Odds, d.Won ? 1 : 0, d.Prize, (double)(d.Won ? d.PrizeValue : 0m),
            d.Pending ? 1 : 0, (double)d.BudgetBefore, (double)d.BudgetLeft, d.SegmentIndex, d.Outcome, d.At.ToString("O", CultureInfo.InvariantCulture));
        AgentOutbox.Append(tx, OutboxStreams.Draws, "game." + d.Game, "draw:" + d.DrawId, d.At,
            new PrizeDrawEvent(d.DrawId, d.Game, d.MemberId, d.KioskId, d.Budget.Period, d.RandomValue, d.Odds, d.Won, d.Prize, d.Won ? d.PrizeValue : 0m, d.Pending,
                d.BudgetBefore, d.BudgetLeft, d.Outcome, d.At),
            AgentEventJsonContext.Default.PrizeDrawEvent);
    }

    /// <summary>
    /// Points earned on the hub stay pending until the cloud confirms them (DESIGN: points are earned as pending); one
    /// ledger with receipts' points, so the member's daily cap counts games too; the outbox id is
    /// "points:{source}:{reference}".
    /// </summary>
    public static void AddPendingPoints(SqliteTransaction tx, string reference, string memberId, string source, int points, DateOnly day, DateTimeOffset at, long dailyLimit) =>
        Loyalty.PointsLedger.AddPending(tx, memberId, points, source, reference, at, Day(day), dailyLimit);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
