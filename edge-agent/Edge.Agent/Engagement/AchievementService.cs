using Edge.Agent.Games;
using Edge.Agent.Storage;
using Edge.Contracts.Agent;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Engagement;

/// <summary>
/// Badges and challenge progress, computed on each request from what the hub already records (check_ins, reviews,
/// prize_draws): nothing extra to store or keep consistent, and a member's erased data takes their badges with it.
/// </summary>
internal sealed class AchievementService(AgentDatabase database, StoreCalendar calendar, IOptions<EngagementOptions> options)
{
    public const string FirstReview = "first-review";
    public const string FirstDraw = "first-draw";
    public const string CheckIns = "check-ins";
    public const string MonthlyCheckIns = "check-in-days-month";

    public AchievementsResponse For(string memberId)
    {
        var o = options.Value;
        var today = calendar.Today();
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var (reviews, draws, checkIns, daysThisMonth) = database.Read(c => (
            c.Long("SELECT count(*) FROM reviews WHERE member_id = $1;", memberId),
            c.Long("SELECT count(*) FROM prize_draws WHERE member_id = $1 AND game = $2;", memberId, GameService.DrawGame),
            c.Long("SELECT count(*) FROM check_ins WHERE member_id = $1;", memberId),
            c.Long("SELECT count(*) FROM check_ins WHERE member_id = $1 AND store_day >= $2 AND store_day <= $3;", memberId, GameLedger.Day(monthStart), GameLedger.Day(today))));
        BadgeView[] badges = [Badge(FirstReview, reviews, 1), Badge(FirstDraw, draws, 1), Badge(CheckIns, checkIns, o.CheckInBadgeTarget)];
        var progress = (int)Math.Min(daysThisMonth, o.MonthlyCheckInDays);
        var challenge = new ChallengeView(MonthlyCheckIns, progress, o.MonthlyCheckInDays, progress >= o.MonthlyCheckInDays, monthStart.AddMonths(1).AddDays(-1));
        return new AchievementsResponse(badges, [challenge]);
    }

    private static BadgeView Badge(string id, long count, int target) => new(id, count >= target, (int)Math.Min(count, target), target);
}
