using System.Net;
using System.Net.Http.Json;
using Edge.Agent.Storage;
using Edge.Contracts.Agent;
using Edge.TestKit;

namespace Edge.Agent.Tests.Kiosk;

public sealed class OfferAndGameTests
{
    private static AgentApiJsonContext J => KioskHarness.Json;

    [RequiresMosquittoFact]
    public async Task Login_MemberWithoutCoupons_OfferDecidedAtLogin_SaveToAppIdempotentWithOneOutboxEvent()
    {
        await using var h = await KioskHarness.StartAsync();
        await h.AddMemberAsync(1, "m-ada", phone: KioskHarness.Phone);

        var login = await h.LoginPhoneAsync();
        var offers = (await h.Kiosk.GetFromJsonAsync(AgentRoutes.SessionOffersFor(login.SessionId), J.MemberOffersResponse))!.Offers;

        var coupon = Assert.Single(offers);
        Assert.Equal("o-coffee", coupon.OfferId);
        Assert.Equal(CouponStatus.Issued, coupon.Status);
        var decision = Assert.Single(h.Outbox(OutboxStreams.OffersIssued));
        Assert.Equal(KioskHarness.KioskId, decision.Body.GetProperty("kioskId").GetString());
        Assert.Equal(KioskHarness.Zone, decision.Body.GetProperty("zone").GetString());

        // A second login the same day: the member has a coupon, so no second decision.
        var again = await h.LoginPhoneAsync();
        Assert.Single(h.Outbox(OutboxStreams.OffersIssued));

        using var first = await h.Kiosk.PostAsync(AgentRoutes.SaveOfferFor(login.SessionId, coupon.CouponId), null);
        using var second = await h.Kiosk.PostAsync(AgentRoutes.SaveOfferFor(again.SessionId, coupon.CouponId), null);
        Assert.Equal(CouponStatus.SavedToApp, (await first.Content.ReadFromJsonAsync(J.OfferView))!.Status);
        Assert.Equal(CouponStatus.SavedToApp, (await second.Content.ReadFromJsonAsync(J.OfferView))!.Status);
        var saved = Assert.Single(h.Outbox(OutboxStreams.CouponSaves));
        Assert.Equal("coupon-saved:" + coupon.CouponId, saved.MessageId);
        Assert.Equal("m-ada", saved.Body.GetProperty("memberId").GetString());
        Assert.Equal(CouponStatus.SavedToApp, (await h.Kiosk.GetFromJsonAsync(AgentRoutes.SessionOffersFor(login.SessionId), J.MemberOffersResponse))!.Offers[0].Status);

        // Someone else's or an unknown coupon, a malformed id; a redeemed coupon cannot be saved.
        await h.AddMemberAsync(2, "m-bo", phone: "+4799999999");
        var bo = await h.LoginPhoneAsync("+4799999999");
        Assert.Equal((HttpStatusCode.NotFound, "unknown_coupon"), await PostAsync(h, AgentRoutes.SaveOfferFor(bo.SessionId, coupon.CouponId)));
        Assert.Equal((HttpStatusCode.NotFound, "unknown_coupon"), await PostAsync(h, AgentRoutes.SaveOfferFor(login.SessionId, "cpn-none")));
        Assert.Equal((HttpStatusCode.BadRequest, "bad_coupon_id"), await PostAsync(h, AgentRoutes.SaveOfferFor(login.SessionId, "has space")));
        var boCoupon = (await h.Kiosk.GetFromJsonAsync(AgentRoutes.SessionOffersFor(bo.SessionId), J.MemberOffersResponse))!.Offers.Single();
        using (await h.Pos.PostAsJsonAsync(AgentRoutes.Redemptions, new RedeemRequest(boCoupon.CouponId, "txn-1"), J.RedeemRequest))
        {
        }

        Assert.Equal((HttpStatusCode.Conflict, "coupon_redeemed"), await PostAsync(h, AgentRoutes.SaveOfferFor(bo.SessionId, boCoupon.CouponId)));
        Assert.Empty((await h.Kiosk.GetFromJsonAsync(AgentRoutes.SessionOffersFor(bo.SessionId), J.MemberOffersResponse))!.Offers);
    }

    [RequiresMosquittoFact]
    public async Task CheckIn_OncePerStoreDay_DayTurnsAtMidnightInTheStoresTimeZone()
    {
        // 22:30 UTC is 23:30 in Oslo (UTC+1 in November).
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 22, 30, 0, TimeSpan.Zero));
        await using var h = await KioskHarness.StartAsync(new Dictionary<string, string> { ["EdgeAgent:Games:TimeZone"] = "Europe/Oslo", ["EdgeAgent:Games:CheckInPoints"] = "15" }, clock);
        await h.AddMemberAsync(1, "m-ada", phone: KioskHarness.Phone);
        var login = await h.LoginPhoneAsync();

        var first = await CheckInAsync(h, login.SessionId);
        var repeat = await CheckInAsync(h, login.SessionId);
        h.Clock.Advance(TimeSpan.FromMinutes(40)); // 23:10 UTC: still the 23rd in UTC, already the 24th in Oslo
        login = await h.LoginPhoneAsync(); // the first session has expired by now
        var nextDay = await CheckInAsync(h, login.SessionId);

        Assert.Equal(new CheckInResponse(true, 15, new DateOnly(2026, 11, 23)), first);
        Assert.Equal(new CheckInResponse(false, 0, new DateOnly(2026, 11, 23)), repeat);
        Assert.Equal(new CheckInResponse(true, 15, new DateOnly(2026, 11, 24)), nextDay);
        var summary = await h.Kiosk.GetFromJsonAsync(AgentRoutes.SessionFor(login.SessionId), J.MemberSummary);
        Assert.Equal(30, summary!.PendingPoints);
        Assert.Equal(["points:check-in:m-ada:2026-11-23", "points:check-in:m-ada:2026-11-24"], h.Outbox(OutboxStreams.Points).Select(p => p.MessageId));
    }

    [RequiresMosquittoFact]
    public async Task Draw_AgainstBudget_WinThenBudgetExhaustedNoPrize_EachDrawRecordedAndSent()
    {
        await using var h = await KioskHarness.StartAsync(new Dictionary<string, string>
        {
            ["EdgeAgent:Games:PrizeBudget"] = "10",
            ["EdgeAgent:Games:Prizes:0:Name"] = "Free coffee",
            ["EdgeAgent:Games:Prizes:0:Value"] = "3",
            ["EdgeAgent:Games:Prizes:0:Odds"] = "0.5",
            ["EdgeAgent:Games:Prizes:1:Name"] = "Espresso machine",
            ["EdgeAgent:Games:Prizes:1:Value"] = "6",
            ["EdgeAgent:Games:Prizes:1:Odds"] = "0.1",
            ["EdgeAgent:Games:PendingConfirmationAbove"] = "5",
        });
        h.Random.Enqueue(0.10, 0.55, 0.20, 0.99);
        var sessions = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var phone = "+479000000" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await h.AddMemberAsync(i + 1, "m-" + i, phone: phone);
            sessions.Add((await h.LoginPhoneAsync(phone)).SessionId);
        }

        var won = await DrawAsync(h, sessions[0]);         // 0.10 < 0.5: coffee, 10 -> 7 left
        var pending = await DrawAsync(h, sessions[1]);     // 0.55: the machine (6 <= 7), above the confirmation line: 7 -> 1
        var exhausted = await DrawAsync(h, sessions[2]);   // 0.20: coffee again, but 3 > 1 left: no prize
        var lost = await DrawAsync(h, sessions[3]);        // 0.99: no prize at all
        var twice = await PostAsync(h, AgentRoutes.PrizeDrawFor(sessions[0]));

        Assert.Equal((true, "Free coffee", false), (won.Won, won.Prize, won.PendingConfirmation));
        Assert.Equal((true, "Espresso machine", true), (pending.Won, pending.Prize, pending.PendingConfirmation));
        Assert.Equal((false, (string?)null), (exhausted.Won, exhausted.Prize));
        Assert.False(lost.Won);
        Assert.Equal((HttpStatusCode.Conflict, "already_played"), twice);

        var audit = h.Agent.Get<AgentDatabase>().Read(c =>
        {
            using var command = c.Command("SELECT draw_id, random_value, odds, won, budget_before, budget_left, outcome FROM prize_draws ORDER BY drawn_at, rowid;");
            using var reader = command.ExecuteReader();
            var rows = new List<(string Id, double R, double Odds, long Won, double Before, double Left, string Outcome)>();
            while (reader.Read())
            {
                rows.Add((reader.GetString(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetInt64(3), reader.GetDouble(4), reader.GetDouble(5), reader.GetString(6)));
            }

            return rows;
        });
        Assert.Equal(
            [(0.10, 0.5, 1L, 10d, 7d, "won"), (0.55, 0.1, 1L, 7d, 1d, "won_pending"), (0.20, 0.5, 0L, 1d, 1d, "budget_exhausted"), (0.99, 0.4, 0L, 1d, 1d, "no_prize")],
            audit.Select(a => (a.R, Math.Round(a.Odds, 6), a.Won, a.Before, a.Left, a.Outcome)));
        var sent = h.Outbox(OutboxStreams.Draws);
        Assert.Equal(audit.Select(a => "draw:" + a.Id), sent.Select(s => s.MessageId));
        Assert.Equal(1m, sent[2].Body.GetProperty("budgetLeft").GetDecimal());
        Assert.Equal(0.2, sent[2].Body.GetProperty("randomValue").GetDouble());
        Assert.Equal("budget_exhausted", sent[2].Body.GetProperty("outcome").GetString());
    }

    [RequiresMosquittoFact]
    public async Task Spin_OutcomeDecidedOnTheHub_PrizeBeyondBudgetLandsOnTryAgain_PointsPending()
    {
        await using var h = await KioskHarness.StartAsync(new Dictionary<string, string> { ["EdgeAgent:Games:PrizeBudget"] = "10" });
        // Default wheel: Try again (5), 10 points (3), 50 points (1), Tote bag worth 8 (1): total weight 10.
        h.Random.Enqueue(0.95, 0.95, 0.6);
        var sessions = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var phone = "+479000000" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await h.AddMemberAsync(i + 1, "m-" + i, phone: phone);
            sessions.Add((await h.LoginPhoneAsync(phone)).SessionId);
        }

        var tote = await SpinAsync(h, sessions[0]);
        var noBudget = await SpinAsync(h, sessions[1]);
        var points = await SpinAsync(h, sessions[2]);

        Assert.Equal(3, tote.SegmentIndex);
        Assert.Equal("Tote bag", tote.Segments[tote.SegmentIndex].Prize);
        Assert.Equal(0, noBudget.SegmentIndex); // 8 > 2 left: the wheel stops on "Try again"
        Assert.Equal(1, points.SegmentIndex);
        Assert.Equal(4, points.Segments.Count);
        Assert.Equal((HttpStatusCode.Conflict, "already_played"), await PostAsync(h, AgentRoutes.SpinFor(sessions[0])));
        Assert.Equal(10, (await h.Kiosk.GetFromJsonAsync(AgentRoutes.SessionFor(sessions[2]), J.MemberSummary))!.PendingPoints);
        Assert.Equal(1, h.Scalar("SELECT count(*) FROM prize_draws WHERE game = 'spin' AND outcome = 'budget_exhausted' AND random_value = 0.95;"));
        Assert.Equal(["points:spin:" + points.SpinId], h.Outbox(OutboxStreams.Points).Select(p => p.MessageId));
        Assert.Equal(3, h.Outbox(OutboxStreams.Draws).Count);
    }

    private static async Task<CheckInResponse> CheckInAsync(KioskHarness h, string sessionId)
    {
        using var response = await h.Kiosk.PostAsync(AgentRoutes.CheckInFor(sessionId), null);
        return (await response.Content.ReadFromJsonAsync(J.CheckInResponse))!;
    }

    private static async Task<PrizeDrawResponse> DrawAsync(KioskHarness h, string sessionId)
    {
        using var response = await h.Kiosk.PostAsync(AgentRoutes.PrizeDrawFor(sessionId), null);
        return (await response.Content.ReadFromJsonAsync(J.PrizeDrawResponse))!;
    }

    private static async Task<SpinResponse> SpinAsync(KioskHarness h, string sessionId)
    {
        using var response = await h.Kiosk.PostAsync(AgentRoutes.SpinFor(sessionId), null);
        return (await response.Content.ReadFromJsonAsync(J.SpinResponse))!;
    }

    private static async Task<(HttpStatusCode, string)> PostAsync(KioskHarness h, string route)
    {
        using var response = await h.Kiosk.PostAsync(route, null);
        return (response.StatusCode, (await KioskHarness.ErrorOf(response)).Code);
    }
}
