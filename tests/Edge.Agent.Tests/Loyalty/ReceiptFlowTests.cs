using System.Text.Json;
using Edge.Agent.Loyalty;
using Edge.Agent.Tests.Support;
using Edge.Contracts;
using Edge.Contracts.Agent;
using Edge.TestKit;

namespace Edge.Agent.Tests.Loyalty;

/// <summary>POS e-receipts through the real API into the real SQLite file; stamps and points out through the real broker.</summary>
public sealed class ReceiptFlowTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(15);

    [RequiresMosquittoFact]
    public async Task PostReceipt_FirstThenReplay_StampedOncePointsOnceAndSameFiguresAnswered()
    {
        await using var store = await LoyaltyStore.StartAsync();

        var first = await store.PostAsync(store.Receipt("t-1", coffees: 2));
        var replay = await store.PostAsync(store.Receipt("t-1", coffees: 2));

        Assert.Equal(new PosReceiptResult("t-1", false, 1, 12), first); // 2 coffees but 1 stamp a day; floor(12.50) points
        Assert.Equal(new PosReceiptResult("t-1", true, 1, 12), replay);
        Assert.Equal(12, store.Agent.Get<IPointsLedger>().PendingFor("m-1"));
        Assert.Equal(1, store.Agent.Counters.Get("loyalty.stamps_capped"));
        Assert.Equal(1, store.Agent.Counters.Get("loyalty.receipt_duplicate"));
        Assert.Equal(2, store.Count("SELECT count(*) FROM outbox WHERE stream IN ('stamps', 'points');"));

        var stamp = JsonDocument.Parse((await store.Bus.NextAsync(LocalTopics.OutboxFor(OutboxStreams.Stamps), s_wait)).Payload).RootElement;
        var points = JsonDocument.Parse((await store.Bus.NextAsync(LocalTopics.OutboxFor(OutboxStreams.Points), s_wait)).Payload).RootElement;
        Assert.Equal("stamp:t-1:coffee", stamp.GetProperty("messageId").GetString());
        Assert.Equal(1, stamp.GetProperty("body").GetProperty("stampsAdded").GetInt32());
        Assert.Equal("points:receipt:t-1", points.GetProperty("messageId").GetString());
        Assert.Equal(12, points.GetProperty("body").GetProperty("points").GetInt64());

        // Affinities: the member's purchase statistics (the offer model's history features) and bought products.
        var stats = store.Agent.Get<Edge.Agent.Storage.AgentDatabase>().Read(c => Edge.Agent.Offers.OfferEngine.Stats(c, "m-1"));
        Assert.Equal((2, 12.5), (stats.Lines, stats.Spend));
        Assert.Equal(1, stats.Departments["COFFEE"]);
        Assert.Equal(1, stats.Departments["BAKERY"]);
        Assert.True(Bought(store, "m-1", "p-coffee"));
        Assert.False(Bought(store, "m-1", "p-tv"));
        Assert.False(Bought(store, "m-2", "p-coffee"));
    }

    [RequiresMosquittoFact]
    public async Task PostReceipt_FiveDaysOfCoffee_FifthStampCompletesTheCardAndSecondSameDayReceiptIsCapped()
    {
        await using var store = await LoyaltyStore.StartAsync();
        var cards = store.Agent.Get<Edge.Agent.Sessions.IPunchCardSource>();

        for (var day = 1; day <= 4; day++)
        {
            Assert.Equal(1, (await store.PostAsync(store.Receipt("t-" + day))).StampsAdded);
            Assert.Equal(0, (await store.PostAsync(store.Receipt("t-" + day + "-again"))).StampsAdded); // same day: capped
            store.Time.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal(new PunchCardView("coffee", "Coffee card", 4, 5, 0, "a free coffee"), Assert.Single(cards.For("m-1")));
        Assert.Equal(1, (await store.PostAsync(store.Receipt("t-5"))).StampsAdded);
        Assert.Equal(new PunchCardView("coffee", "Coffee card", 0, 5, 1, "a free coffee"), Assert.Single(cards.For("m-1")));
        Assert.Equal(new PunchCardView("coffee", "Coffee card", 0, 5, 0, "a free coffee"), Assert.Single(cards.For("m-2")));
        await Eventually.TrueAsync(() => store.Count("SELECT count(*) FROM outbox WHERE message_id = 'stamp:t-5:coffee';") == 1, "fifth stamp in the outbox");

        var fifth = JsonDocument.Parse((await store.Bus.NextAsync(LocalTopics.OutboxFor(OutboxStreams.Stamps), s_wait,
            m => System.Text.Encoding.UTF8.GetString(m.Payload.Span).Contains("stamp:t-5:coffee", StringComparison.Ordinal))).Payload).RootElement.GetProperty("body");
        Assert.Equal((1, 0, 1, 1), (fifth.GetProperty("stampsAdded").GetInt32(), fifth.GetProperty("stamps").GetInt32(),
            fifth.GetProperty("completed").GetInt32(), fifth.GetProperty("rewardsEarned").GetInt32()));
        Assert.Equal(1, store.Agent.Counters.Get("loyalty.rewards_earned"));
        Assert.Equal(4, store.Agent.Counters.Get("loyalty.stamps_capped"));
    }

    [RequiresMosquittoFact]
    public async Task PendingPoints_DailyCapReceiptsAndCheckIns_CappedIdempotentAndUnknownMemberRefused()
    {
        await using var store = await LoyaltyStore.StartAsync();
        var ledger = store.Agent.Get<IPointsLedger>();

        Assert.Equal(90, (await store.PostAsync(store.Receipt("t-big", total: 90m))).PendingPointsAdded);
        Assert.Equal(new PointsAward(10, PointsAwardStatus.Capped), await ledger.AddPendingAsync("m-1", 25, "check-in", "m-1:2026-11-23", CancellationToken.None));
        Assert.Equal(new PointsAward(10, PointsAwardStatus.Duplicate), await ledger.AddPendingAsync("m-1", 25, "check-in", "m-1:2026-11-23", CancellationToken.None));
        Assert.Equal(0, (await store.PostAsync(store.Receipt("t-more", total: 40m))).PendingPointsAdded);
        Assert.Equal(new PointsAward(0, PointsAwardStatus.UnknownMember), await ledger.AddPendingAsync("m-404", 5, "game", "spin-1", CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => ledger.AddPendingAsync("m-1", 5, "a source with spaces", "x", CancellationToken.None));
        Assert.Equal(100, ledger.PendingFor("m-1"));

        store.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(new PointsAward(25, PointsAwardStatus.Added), await ledger.AddPendingAsync("m-1", 25, "check-in", "m-1:2026-11-24", CancellationToken.None));
        Assert.Equal(125, ledger.PendingFor("m-1"));
        Assert.Equal(3, store.Count("SELECT count(*) FROM outbox WHERE stream = 'points';")); // 90, 10 and 25: capped-to-zero awards send nothing
    }

    [RequiresMosquittoFact]
    public async Task Revoke_MemberWithCardsPointsPurchasesAndWishList_ErasedButReceiptStaysIdempotent()
    {
        await using var store = await LoyaltyStore.StartAsync();
        Assert.Equal(1, (await store.PostAsync(store.Receipt("t-1"))).StampsAdded);
        await store.Agent.Get<Edge.Agent.Storage.AgentWriter>().WriteAsync(
            tx => Edge.Agent.Storage.SqlExtensions.Execute(tx, "INSERT INTO wish_list(member_id, product_id, added_at) VALUES ('m-1', 'p-tv', '2026-11-23T09:00:00Z');"),
            CancellationToken.None);

        await store.Bus.PublishDeltaAsync(Support.Members.Revoke(2, "m-1"));
        await Eventually.TrueAsync(() => store.Agent.Counters.Get("loyalty.member_erased") == 1, "loyalty data erased");

        foreach (var table in (string[])["punch_cards", "stamp_days", "pending_points", "points_ledger", "member_stats", "member_purchases", "receipts", "wish_list"])
        {
            Assert.Equal(0, store.Count("SELECT count(*) FROM " + table + " WHERE member_id = 'm-1';"));
        }

        Assert.False(Bought(store, "m-1", "p-coffee"));
        Assert.Equal(new PosReceiptResult("t-1", true, 1, 10), await store.PostAsync(store.Receipt("t-1")));
        Assert.Equal(2, store.Count("SELECT count(*) FROM outbox WHERE stream IN ('stamps', 'points');")); // what was earned still goes up
    }

    /// <summary>What the reviews' "verified purchase" badge asks (receipt lines as purchase evidence).</summary>
    private static bool Bought(LoyaltyStore store, string memberId, string productId) =>
        store.Count("SELECT count(*) FROM member_purchases WHERE member_id = $1 AND product_id = $2;", memberId, productId) > 0;
}
