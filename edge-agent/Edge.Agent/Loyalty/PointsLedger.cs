using System.Globalization;
using Edge.Agent.Alerts;
using Edge.Agent.Bus;
using Edge.Agent.Storage;
using Edge.Contracts.Agent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Loyalty;

/// <summary>The pending-points ledger (see <see cref="IPointsLedger"/>); <see cref="AddPending"/> also runs inside a receipt's transaction.</summary>
internal sealed class PointsLedger(AgentDatabase database, AgentWriter writer, OutboxSignal outbox, IOptions<LoyaltyOptions> options, Games.StoreCalendar calendar, TimeProvider time, AgentCounters counters)
    : IPointsLedger
{
    public async Task<PointsAward> AddPendingAsync(string memberId, long points, string source, string reference, CancellationToken cancellationToken)
    {
        if (!ApiInput.IsId(memberId, 128) || !ApiInput.IsId(source, 32) || !ApiInput.IsId(reference, 128))
        {
            throw new ArgumentException("memberId, source and reference must be ids of A-Z a-z 0-9 . _ : - (source up to 32, the others up to 128 characters)");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(points);
        var now = time.GetUtcNow();
        var limit = options.Value.MaxPendingPointsPerMemberPerDay;
        var award = await writer.WriteAsync(
            tx => tx.Long("SELECT count(*) FROM members WHERE member_id = $1;", memberId) == 0
                ? new PointsAward(0, PointsAwardStatus.UnknownMember)
                : AddPending(tx, memberId, points, source, reference, now, Games.GameLedger.Day(calendar.DayOf(now)), limit),
            cancellationToken).ConfigureAwait(false);
        Count(counters, award);
        outbox.Notify();
        return award;
    }

    public long PendingFor(string memberId) => database.Read(c => c.Long("SELECT points FROM pending_points WHERE member_id = $1;", memberId));

    public static void Count(AgentCounters counters, PointsAward award)
    {
        counters.Increment("loyalty.points_" + award.Status.ToString().ToLowerInvariant());
    }

    public static PointsAward AddPending(SqliteTransaction tx, string memberId, long points, string source, string reference, DateTimeOffset occurredAt, string day, long dailyLimit)
    {
        var key = source + ":" + reference;
        if (tx.Scalar("SELECT points FROM points_ledger WHERE entry_key = $1;", key) is long earlier)
        {
            return new PointsAward(earlier, PointsAwardStatus.Duplicate);
        }

        var today = tx.Long("SELECT coalesce(sum(points), 0) FROM points_ledger WHERE member_id = $1 AND day = $2;", memberId, day);
        var added = Math.Max(0, Math.Min(points, dailyLimit - today));
        tx.Execute(
            "INSERT INTO points_ledger(entry_key, member_id, points, source, day, occurred_at) VALUES ($1, $2, $3, $4, $5, $6);",
            key, memberId, added, source, day, occurredAt.ToString("O", CultureInfo.InvariantCulture));
        if (added > 0)
        {
            tx.Execute(
                "INSERT INTO pending_points(member_id, points) VALUES ($1, $2) ON CONFLICT(member_id) DO UPDATE SET points = points + $2;", memberId, added);
            AgentOutbox.Append(tx, OutboxStreams.Points, "points.pending", "points:" + key, occurredAt,
                new PointsPendingEvent(memberId, added, source, reference, occurredAt), LoyaltyJsonContext.Default.PointsPendingEvent);
        }

        return new PointsAward(added, added < points ? PointsAwardStatus.Capped : PointsAwardStatus.Added);
    }
}
