using System.Security.Cryptography;
using Edge.Agent.Bus;
using Edge.Agent.Sessions;
using Edge.Agent.Storage;
using Edge.Contracts.Agent;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Games;

/// <summary>
/// Kiosk games, decided on the hub: check-in once per member per store day; a prize draw and a spin per member per
/// day (configurable), both against the period's prize budget. The random value is drawn first
/// (<see cref="IGameRandom"/>); whether the prize fits the budget is decided inside the one writer, so two kiosks
/// cannot spend the same last euro. Every draw and spin is recorded with its random value, odds and budget left,
/// and goes to the outbox ("draw:{id}") in the same transaction.
/// </summary>
internal sealed class GameService(
    AgentDatabase database,
    AgentWriter writer,
    OutboxSignal outbox,
    StoreCalendar calendar,
    IPrizeBudgetSource budgets,
    IGameRandom random,
    IOptions<GamesOptions> options,
    IOptions<Loyalty.LoyaltyOptions> loyalty,
    TimeProvider time,
    AgentCounters counters,
    ILogger<GameService> logger)
{
    public const string DrawGame = "draw";
    public const string SpinGame = "spin";

    public async Task<CheckInResponse> CheckInAsync(KioskSession session, CancellationToken cancellationToken)
    {
        var day = calendar.Today();
        var now = time.GetUtcNow();
        var points = options.Value.CheckInPoints;
        var awarded = await writer.WriteAsync(tx =>
        {
            if (tx.Execute("INSERT OR IGNORE INTO check_ins(member_id, store_day, points, checked_in_at) VALUES ($1, $2, $3, $4);",
                    session.MemberId, GameLedger.Day(day), points, now.ToString("O", System.Globalization.CultureInfo.InvariantCulture)) == 0)
            {
                return false;
            }

            GameLedger.AddPendingPoints(tx, $"{session.MemberId}:{GameLedger.Day(day)}", session.MemberId, "check-in", points, day, now, loyalty.Value.MaxPendingPointsPerMemberPerDay);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        counters.Increment(awarded ? "games.check_in" : "games.check_in_repeat");
        if (awarded)
        {
            outbox.Notify();
            GamesLog.CheckedIn(logger, day, points);
        }

        return new CheckInResponse(awarded, awarded ? points : 0, day);
    }

    /// <summary>Null when the member has used today's draws.</summary>
    public async Task<PrizeDrawResponse?> DrawAsync(KioskSession session, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var day = calendar.Today();
        if (UsedUp(session.MemberId, DrawGame, day, o.DrawsPerMemberPerDay))
        {
            return null;
        }

        var budget = budgets.For(day);
        var r = random.NextUnit();
        PrizeOption? candidate = null;
        var cumulative = 0d;
        foreach (var prize in o.EffectivePrizes)
        {
            cumulative += prize.Odds;
            if (r < cumulative)
            {
                candidate = prize;
                break;
            }
        }

        var odds = candidate?.Odds ?? 1 - cumulative;
        var now = time.GetUtcNow();
        var drawId = NewId("drw");
        var record = await writer.WriteAsync(tx =>
        {
            if (GameLedger.Played(tx, session.MemberId, DrawGame, day) >= o.DrawsPerMemberPerDay)
            {
                return null;
            }

            var left = GameLedger.Left(tx, budget);
            var won = candidate is not null && candidate.Value <= left;
            var pending = won && candidate!.Value > o.PendingConfirmationAbove;
            var outcome = won ? (pending ? "won_pending" : "won") : candidate is not null ? "budget_exhausted" : "no_prize";
            var d = new DrawRecord(drawId, DrawGame, session.MemberId, session.KioskId, day, budget, r, odds, won, won ? candidate!.Name : null,
                candidate?.Value ?? 0m, pending, left, null, outcome, now);
            GameLedger.Record(tx, d);
            return d;
        }, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return null;
        }

        Done(record);
        return new PrizeDrawResponse(record.DrawId, record.Won, record.Prize, record.Pending);
    }

    /// <summary>Null when the member has used today's spins. The segment is chosen here; the kiosk only animates to it.</summary>
    public async Task<SpinResponse?> SpinAsync(KioskSession session, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var segments = o.EffectiveSegments;
        var day = calendar.Today();
        if (UsedUp(session.MemberId, SpinGame, day, o.SpinsPerMemberPerDay))
        {
            return null;
        }

        var budget = budgets.For(day);
        var r = random.NextUnit();
        var total = segments.Sum(s => s.Weight);
        var index = 0;
        var cumulative = 0;
        for (; index < segments.Count - 1; index++)
        {
            cumulative += segments[index].Weight;
            if (r * total < cumulative)
            {
                break;
            }
        }

        var odds = segments[index].Weight / (double)total;
        var tryAgain = IndexOfTryAgain(segments);
        var now = time.GetUtcNow();
        var spinId = NewId("spn");
        var record = await writer.WriteAsync(tx =>
        {
            if (GameLedger.Played(tx, session.MemberId, SpinGame, day) >= o.SpinsPerMemberPerDay)
            {
                return null;
            }

            var left = GameLedger.Left(tx, budget);
            var landed = index;
            var outcome = "landed";
            if (segments[index].Prize is not null && segments[index].PrizeValue > left)
            {
                landed = tryAgain; // the wheel never shows a prize the budget cannot pay
                outcome = "budget_exhausted";
            }

            var s = segments[landed];
            var won = s.Prize is not null;
            var d = new DrawRecord(spinId, SpinGame, session.MemberId, session.KioskId, day, budget, r, odds, won, s.Prize, won ? s.PrizeValue : 0m,
                won && s.PrizeValue > o.PendingConfirmationAbove, left, landed, outcome, now);
            GameLedger.Record(tx, d);
            if (s.Points > 0)
            {
                GameLedger.AddPendingPoints(tx, spinId, session.MemberId, SpinGame, s.Points, day, now, loyalty.Value.MaxPendingPointsPerMemberPerDay);
            }

            return d;
        }, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return null;
        }

        Done(record);
        return new SpinResponse(record.DrawId, record.SegmentIndex!.Value, [.. segments.Select(s => new SpinSegment(s.Label, s.Points, s.Prize))]);
    }

    // A read before drawing, so a refused play uses no randomness; the writer checks again (two kiosks at once).
    private bool UsedUp(string memberId, string game, DateOnly day, int limit) =>
        database.Read(c => c.Long("SELECT count(*) FROM prize_draws WHERE member_id = $1 AND game = $2 AND store_day = $3;", memberId, game, GameLedger.Day(day))) >= limit;

    private void Done(DrawRecord record)
    {
        outbox.Notify();
        counters.Increment($"games.{record.Game}.{record.Outcome}");
        GamesLog.Drawn(logger, record.Game, record.DrawId, record.Outcome, record.RandomValue, record.Odds, record.BudgetLeft, record.Budget.Period);
    }

    private static int IndexOfTryAgain(IReadOnlyList<SpinSegmentOption> segments)
    {
        for (var i = 0; i < segments.Count; i++)
        {
            if (segments[i].Points == 0 && segments[i].Prize is null)
            {
                return i;
            }
        }

        return 0;
    }

    private static string NewId(string prefix) => prefix + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
