using System.Text.Json;
using Edge.Agent.Ledger;
using Edge.Agent.Tests.Support;
using Edge.Contracts;
using Edge.Contracts.Agent;
using Edge.Contracts.Presence;
using Edge.TestKit;

namespace Edge.Agent.Tests.Ledger;

public sealed class RedemptionLedgerTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(15);

    [RequiresMosquittoFact]
    public async Task RedeemAsync_SecondTransactionOrAfterReplayedSync_RefusedWithReasonReplayAnsweredOnce()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var dir = new TempDirectory("edge-agent-ledger");
        var catalog = Catalogs.Write(dir.File("offers.json"), Catalogs.Offer("o-grocery", "GROCERY"));
        await using var agent = await TestAgent.StartAsync(broker, dir: dir, settings: new Dictionary<string, string>
        {
            ["EdgeAgent:Offers:CatalogFile"] = catalog,
            ["EdgeAgent:Offers:HoldoutShare"] = "0",
            ["EdgeAgent:Offers:ModelTimeout"] = "00:00:05",
        });
        await using var bus = await BusProbe.ConnectAsync(broker, AgentTopics.Offers + "/#", LocalTopics.Outbox + "/#");
        var upsert = Support.Members.Upsert(1, "m-1");
        await bus.PublishDeltaAsync(upsert);
        await Eventually.TrueAsync(() => agent.Get<Edge.Agent.Members.MemberStore>().Find("m-1") is not null, "member cached");
        var entered = new MemberEntered("p-1", "m-1", "dairy", 0.9, DateTimeOffset.UtcNow, 2.0);
        await bus.PublishAsync(PresenceTopics.For(entered), entered, PresenceJsonContext.Default.PresenceEvent);
        var coupon = JsonSerializer.Deserialize((await bus.NextAsync(AgentTopics.OffersFor("dairy"), s_wait)).Payload.Span, AgentBusJsonContext.Default.OfferIssued)!.Offer.CouponId;
        var ledger = agent.Get<RedemptionLedger>();

        var first = await ledger.RedeemAsync(new RedeemRequest(coupon, "pos-1"), CancellationToken.None);
        var replay = await ledger.RedeemAsync(new RedeemRequest(coupon, "pos-1"), CancellationToken.None);
        var second = await ledger.RedeemAsync(new RedeemRequest(coupon, "pos-2"), CancellationToken.None);
        // The cloud replays the member stream (e.g. after an outage): nothing may reopen the coupon.
        await bus.PublishDeltaAsync(upsert);
        await Eventually.TrueAsync(() => agent.Counters.Get("members.delta_duplicate") == 1, "replayed delta ignored");
        var afterReplay = await ledger.RedeemAsync(new RedeemRequest(coupon, "pos-3"), CancellationToken.None);
        var unknown = await ledger.RedeemAsync(new RedeemRequest("cpn-nope", "pos-4"), CancellationToken.None);

        Assert.True(first.Accepted && !first.Replay);
        Assert.True(replay.Accepted && replay.Replay);
        Assert.False(second.Accepted);
        Assert.Equal(RedemptionRefusal.AlreadyRedeemed, second.Refusal);
        Assert.Contains("pos-1", second.Reason, StringComparison.Ordinal);
        Assert.Equal(RedemptionRefusal.AlreadyRedeemed, afterReplay.Refusal);
        Assert.Equal(RedemptionRefusal.UnknownCoupon, unknown.Refusal);
        Assert.Equal(1, agent.Counters.Get("ledger.redeemed"));
        Assert.Equal(3, agent.Counters.Get("ledger.redeem_refused"));

        var envelope = JsonDocument.Parse((await bus.NextAsync(LocalTopics.OutboxFor(OutboxStreams.Redemptions), s_wait)).Payload).RootElement;
        Assert.Equal("redemption:" + coupon, envelope.GetProperty("messageId").GetString());
        Assert.Equal("pos-1", envelope.GetProperty("body").GetProperty("posTransactionId").GetString());
    }

    [RequiresMosquittoFact]
    public async Task RedeemAsync_MissingIds_RefusedAndCounted()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var agent = await TestAgent.StartAsync(broker);

        var response = await agent.Get<RedemptionLedger>().RedeemAsync(new RedeemRequest("", "pos-1"), CancellationToken.None);

        Assert.False(response.Accepted);
        Assert.Equal(1, agent.Counters.Get("ledger.redeem_malformed"));
    }
}
