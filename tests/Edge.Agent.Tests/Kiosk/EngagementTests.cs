using System.Net;
using System.Net.Http.Json;
using Edge.Contracts.Agent;
using Edge.TestKit;

namespace Edge.Agent.Tests.Kiosk;

/// <summary>Wish list, badges and challenge progress, "share your visit": the real agent, its SQLite file, the fake clock.</summary>
public sealed class EngagementTests
{
    private const string UnknownSession = "abcdefghijklmnopqrstuvwxyz";

    private static AgentApiJsonContext J => KioskHarness.Json;

    [RequiresMosquittoFact]
    public async Task WishList_AddListRemove_IdempotentCappedUnknownProductAndSessionRefused()
    {
        await using var h = await KioskHarness.StartAsync(new Dictionary<string, string> { ["EdgeAgent:Engagement:MaxWishListItems"] = "2" });
        await h.AddMemberAsync(1, "m-ada", phone: KioskHarness.Phone);
        await h.AddMemberAsync(2, "m-bo", phone: "+4799999999");
        var ada = (await h.LoginPhoneAsync()).SessionId;
        var bo = (await h.LoginPhoneAsync("+4799999999")).SessionId;

        var first = await PutAsync(h, ada, "p-coffee");
        var again = await PutAsync(h, ada, "p-coffee");
        h.Clock.Advance(TimeSpan.FromSeconds(5));
        var two = await PutAsync(h, ada, "p-milk");
        var full = await ErrorAsync(h, HttpMethod.Put, AgentRoutes.WishListItemFor(ada, "p-oat"));
        var unknown = await ErrorAsync(h, HttpMethod.Put, AgentRoutes.WishListItemFor(ada, "p-none"));
        var malformed = await ErrorAsync(h, HttpMethod.Put, AgentRoutes.WishListItemFor(ada, "has space"));
        var noSession = await ErrorAsync(h, HttpMethod.Put, AgentRoutes.WishListItemFor(UnknownSession, "p-coffee"));
        var noSessionList = await ErrorAsync(h, HttpMethod.Get, AgentRoutes.WishListFor(UnknownSession));
        using (var removed = await h.Kiosk.DeleteAsync(AgentRoutes.WishListItemFor(ada, "p-coffee")))
        {
            Assert.Equal(["p-milk"], (await removed.Content.ReadFromJsonAsync(J.WishListResponse))!.Products.Select(p => p.ProductId));
        }

        using (var absent = await h.Kiosk.DeleteAsync(AgentRoutes.WishListItemFor(ada, "p-coffee")))
        {
            Assert.Equal(HttpStatusCode.OK, absent.StatusCode); // removing is idempotent
        }

        h.Clock.Advance(TimeSpan.FromSeconds(5));
        await PutAsync(h, ada, "p-oat");
        var listed = await h.Kiosk.GetFromJsonAsync(AgentRoutes.WishListFor(ada), J.WishListResponse);
        var bos = await h.Kiosk.GetFromJsonAsync(AgentRoutes.WishListFor(bo), J.WishListResponse);

        Assert.Equal(["p-coffee"], first.Products.Select(p => p.ProductId));
        Assert.Equal(["p-coffee"], again.Products.Select(p => p.ProductId));
        Assert.Equal(["p-milk", "p-coffee"], two.Products.Select(p => p.ProductId));
        Assert.Equal(2, two.Capacity);
        Assert.Equal((HttpStatusCode.Conflict, "wish_list_full"), full);
        Assert.Equal((HttpStatusCode.NotFound, "unknown_product"), unknown);
        Assert.Equal((HttpStatusCode.BadRequest, "bad_product_id"), malformed);
        Assert.Equal((HttpStatusCode.NotFound, "session_not_found"), noSession);
        Assert.Equal((HttpStatusCode.NotFound, "session_not_found"), noSessionList);
        Assert.Equal(["p-oat", "p-milk"], listed!.Products.Select(p => p.ProductId));
        Assert.Equal("Oat milk 1 l", listed.Products[0].Name);
        Assert.Empty(bos!.Products);
        Assert.Equal(1, h.Agent.Counters.Get("api.error.wish_list_full"));
        Assert.Equal(1, h.Agent.Counters.Get("api.error.unknown_product"));
        Assert.Equal(1, h.Agent.Counters.Get("api.error.bad_product_id"));
    }

    [RequiresMosquittoFact]
    public async Task Achievements_RealCheckInsReviewAndDraw_BadgesEarnedAndMonthlyChallengeRestartsInNewMonth()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));
        await using var h = await KioskHarness.StartAsync(new Dictionary<string, string> { ["EdgeAgent:Games:PrizeBudget"] = "0" }, clock);
        await h.AddMemberAsync(1, "m-ada", phone: KioskHarness.Phone);
        var session = (await h.LoginPhoneAsync()).SessionId;

        var before = await AchievementsAsync(h, session);
        using (await h.Kiosk.PostAsync(AgentRoutes.CheckInFor(session), null))
        {
        }

        var afterOneDay = await AchievementsAsync(h, session);
        using (var review = await h.Kiosk.PostAsJsonAsync(AgentRoutes.ProductReviewsFor("p-coffee"), new PostReviewRequest(session, 5, "Lovely beans, fresh roast."), J.PostReviewRequest))
        {
            Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        }

        h.Random.Enqueue(0.99);
        using (var draw = await h.Kiosk.PostAsync(AgentRoutes.PrizeDrawFor(session), null))
        {
            Assert.Equal(HttpStatusCode.OK, draw.StatusCode);
        }

        for (var day = 28; day <= 30; day++)
        {
            h.Clock.Advance(TimeSpan.FromDays(1));
            session = (await h.LoginPhoneAsync()).SessionId;
            using (await h.Kiosk.PostAsync(AgentRoutes.CheckInFor(session), null))
            {
            }
        }

        var endOfNovember = await AchievementsAsync(h, session);
        h.Clock.Advance(TimeSpan.FromDays(1));
        session = (await h.LoginPhoneAsync()).SessionId;
        using (await h.Kiosk.PostAsync(AgentRoutes.CheckInFor(session), null))
        {
        }

        var december = await AchievementsAsync(h, session);

        Assert.All(before.Badges, b => Assert.Equal((false, 0), (b.Earned, b.Progress)));
        Assert.Equal(new ChallengeView("check-in-days-month", 0, 3, false, new DateOnly(2026, 11, 30)), Assert.Single(before.Challenges));
        Assert.Equal(new ChallengeView("check-in-days-month", 1, 3, false, new DateOnly(2026, 11, 30)), afterOneDay.Challenges[0]);
        Assert.Equal(
            [new BadgeView("first-review", true, 1, 1), new BadgeView("first-draw", true, 1, 1), new BadgeView("check-ins", false, 4, 5)],
            endOfNovember.Badges);
        Assert.Equal(new ChallengeView("check-in-days-month", 3, 3, true, new DateOnly(2026, 11, 30)), endOfNovember.Challenges[0]);
        Assert.Equal(new BadgeView("check-ins", true, 5, 5), december.Badges[2]);
        Assert.Equal(new ChallengeView("check-in-days-month", 1, 3, false, new DateOnly(2026, 12, 31)), december.Challenges[0]);
        Assert.Equal((HttpStatusCode.NotFound, "session_not_found"), await ErrorAsync(h, HttpMethod.Get, AgentRoutes.AchievementsFor(UnknownSession)));
    }

    [RequiresMosquittoFact]
    public async Task ShareVisit_OncePerStoreDay_PendingPointsThroughTheLedgerWithOneOutboxEventPerDay()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        await using var h = await KioskHarness.StartAsync(new Dictionary<string, string> { ["EdgeAgent:Engagement:SharePoints"] = "7" }, clock);
        await h.AddMemberAsync(1, "m-ada", phone: KioskHarness.Phone);
        var session = (await h.LoginPhoneAsync()).SessionId;

        var first = await ShareAsync(h, session);
        var repeat = await ShareAsync(h, session);
        var pendingAfterFirstDay = (await h.Kiosk.GetFromJsonAsync(AgentRoutes.SessionFor(session), J.MemberSummary))!.PendingPoints;
        h.Clock.Advance(TimeSpan.FromDays(1));
        session = (await h.LoginPhoneAsync()).SessionId;
        var nextDay = await ShareAsync(h, session);
        var unknown = await ErrorAsync(h, HttpMethod.Post, AgentRoutes.ShareVisitFor(UnknownSession));

        Assert.Equal(new ShareVisitResponse(true, 7, new DateOnly(2026, 11, 23)), first);
        Assert.Equal(new ShareVisitResponse(false, 0, new DateOnly(2026, 11, 23)), repeat);
        Assert.Equal(new ShareVisitResponse(true, 7, new DateOnly(2026, 11, 24)), nextDay);
        Assert.Equal(7, pendingAfterFirstDay);
        Assert.Equal(14, (await h.Kiosk.GetFromJsonAsync(AgentRoutes.SessionFor(session), J.MemberSummary))!.PendingPoints);
        var events = h.Outbox(OutboxStreams.Points);
        Assert.Equal(["points:share:m-ada:2026-11-23", "points:share:m-ada:2026-11-24"], events.Select(e => e.MessageId));
        Assert.Equal(7, events[0].Body.GetProperty("points").GetInt64());
        Assert.Equal((HttpStatusCode.NotFound, "session_not_found"), unknown);
        Assert.Equal(1, h.Agent.Counters.Get("engagement.share_repeat"));
    }

    private static async Task<WishListResponse> PutAsync(KioskHarness h, string session, string productId)
    {
        using var response = await h.Kiosk.PutAsync(AgentRoutes.WishListItemFor(session, productId), null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync(J.WishListResponse))!;
    }

    private static async Task<AchievementsResponse> AchievementsAsync(KioskHarness h, string session) =>
        (await h.Kiosk.GetFromJsonAsync(AgentRoutes.AchievementsFor(session), J.AchievementsResponse))!;

    private static async Task<ShareVisitResponse> ShareAsync(KioskHarness h, string session)
    {
        using var response = await h.Kiosk.PostAsync(AgentRoutes.ShareVisitFor(session), null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync(J.ShareVisitResponse))!;
    }

    private static async Task<(HttpStatusCode, string)> ErrorAsync(KioskHarness h, HttpMethod method, string route)
    {
        using var request = new HttpRequestMessage(method, route);
        using var response = await h.Kiosk.SendAsync(request);
        return (response.StatusCode, (await KioskHarness.ErrorOf(response)).Code);
    }
}
