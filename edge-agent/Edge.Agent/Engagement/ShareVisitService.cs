using Edge.Agent.Bus;
using Edge.Agent.Games;
using Edge.Agent.Loyalty;
using Edge.Agent.Sessions;
using Edge.Agent.Storage;
using Edge.Contracts.Agent;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Engagement;

/// <summary>
/// "Share your visit" points: pending points through the one points ledger (source "share", reference
/// "{memberId}:{store day}"), so the ledger's idempotency makes it once per member per store day, the daily points
/// cap counts it, and its outbox event ("points:share:{memberId}:{day}") is appended in the same transaction.
/// </summary>
internal sealed class ShareVisitService(
    AgentWriter writer,
    OutboxSignal outbox,
    StoreCalendar calendar,
    IOptions<EngagementOptions> options,
    IOptions<LoyaltyOptions> loyalty,
    TimeProvider time,
    AgentCounters counters,
    ILogger<ShareVisitService> logger)
{
    public const string Source = "share";

    public async Task<ShareVisitResponse> ShareAsync(KioskSession session, CancellationToken cancellationToken)
    {
        var day = calendar.Today();
        var now = time.GetUtcNow();
        var storeDay = GameLedger.Day(day);
        var award = await writer.WriteAsync(
            tx => PointsLedger.AddPending(tx, session.MemberId, options.Value.SharePoints, Source, $"{session.MemberId}:{storeDay}", now, storeDay, loyalty.Value.MaxPendingPointsPerMemberPerDay),
            cancellationToken).ConfigureAwait(false);
        PointsLedger.Count(counters, award);
        if (award.Status == PointsAwardStatus.Duplicate)
        {
            counters.Increment("engagement.share_repeat");
            return new ShareVisitResponse(false, 0, day);
        }

        counters.Increment("engagement.share");
        outbox.Notify();
        EngagementLog.Shared(logger, day, award.Points, award.Status.ToString());
        return new ShareVisitResponse(true, (int)award.Points, day);
    }
}
