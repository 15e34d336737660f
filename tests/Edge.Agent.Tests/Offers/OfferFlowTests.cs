using System.Text.Json;
using Edge.Agent.Tests.Support;
using Edge.Contracts;
using Edge.Contracts.Agent;
using Edge.Contracts.Presence;
using Edge.TestKit;

namespace Edge.Agent.Tests.Offers;

public sealed class OfferFlowTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(15);

    [RequiresMosquittoFact]
    public async Task PresenceEntered_KnownMember_ModelScoredOfferOnZoneTopicAndOutboxEvent()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var dir = new TempDirectory("edge-agent-offers");
        var catalog = Catalogs.Write(dir.File("offers.json"), Catalogs.Offer("o-grocery", "GROCERY"), Catalogs.Offer("o-fuel", "FUEL"), Catalogs.Offer("o-deli", "DELI"));
        await using var agent = await TestAgent.StartAsync(broker, dir: dir, settings: new Dictionary<string, string>
        {
            ["EdgeAgent:Offers:CatalogFile"] = catalog,
            ["EdgeAgent:Offers:HoldoutShare"] = "0",
            ["EdgeAgent:Offers:ModelTimeout"] = "00:00:05",
        });
        await using var bus = await BusProbe.ConnectAsync(broker, AgentTopics.Offers + "/#", LocalTopics.Outbox + "/#");
        Assert.NotNull(agent.Get<Edge.Agent.Offers.OfferModel>().Version);

        await bus.PublishDeltaAsync(Support.Members.Upsert(1, "m-1", firstName: "Ada"));
        await Eventually.TrueAsync(() => agent.Get<Edge.Agent.Members.MemberStore>().Find("m-1") is not null, "member cached");
        var entered = new MemberEntered("p-1", "m-1", "dairy", 0.9, DateTimeOffset.UtcNow, 2.0);
        await bus.PublishAsync(PresenceTopics.For(entered), entered, PresenceJsonContext.Default.PresenceEvent);

        var issued = JsonSerializer.Deserialize((await bus.NextAsync(AgentTopics.OffersFor("dairy"), s_wait)).Payload.Span, AgentBusJsonContext.Default.OfferIssued)!;
        Assert.Equal("m-1", issued.MemberId);
        Assert.Equal("Ada", issued.FirstName);
        Assert.Equal(DecisionSource.Model, issued.Offer.DecidedBy);
        Assert.StartsWith("cpn-", issued.Offer.CouponId, StringComparison.Ordinal);

        var envelope = JsonDocument.Parse((await bus.NextAsync(LocalTopics.OutboxFor(OutboxStreams.OffersIssued), s_wait)).Payload).RootElement;
        Assert.StartsWith("offer-decision:dec-", envelope.GetProperty("messageId").GetString(), StringComparison.Ordinal);
        Assert.Equal(issued.Offer.CouponId, envelope.GetProperty("body").GetProperty("couponId").GetString());
        Assert.False(string.IsNullOrEmpty(envelope.GetProperty("body").GetProperty("modelVersion").GetString()));

        // The same presence event again (QoS 1 redelivery) makes no second decision or coupon.
        await bus.PublishAsync(PresenceTopics.For(entered), entered, PresenceJsonContext.Default.PresenceEvent);
        await Eventually.TrueAsync(() => agent.Counters.Get("presence.duplicate") == 1, "duplicate presence seen");
        Assert.Equal(1, agent.Counters.Get("offers.issued_model"));
    }

    [RequiresMosquittoFact]
    public async Task PresenceEntered_NoModelBundle_RulesDecideAndDecisionSaysSo()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var dir = new TempDirectory("edge-agent-offers");
        var catalog = Catalogs.Write(dir.File("offers.json"), Catalogs.Offer("o-grocery", "GROCERY"), Catalogs.Offer("o-fuel", "FUEL"));
        await using var agent = await TestAgent.StartAsync(broker, dir: dir, settings: new Dictionary<string, string>
        {
            ["EdgeAgent:Offers:CatalogFile"] = catalog,
            ["EdgeAgent:Offers:HoldoutShare"] = "0",
            ["EdgeAgent:Offers:BundleDirectory"] = dir.File("no-such-bundle"),
        });
        await using var bus = await BusProbe.ConnectAsync(broker, AgentTopics.Offers + "/#", LocalTopics.Outbox + "/#");

        await bus.PublishDeltaAsync(Support.Members.Upsert(1, "m-1", interests: ["FUEL"]));
        await Eventually.TrueAsync(() => agent.Get<Edge.Agent.Members.MemberStore>().Find("m-1") is not null, "member cached");
        var dwelled = new MemberDwelled("p-2", "m-1", "fuel", 0.9, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(-2));
        await bus.PublishAsync(PresenceTopics.For(dwelled), dwelled, PresenceJsonContext.Default.PresenceEvent);

        var issued = JsonSerializer.Deserialize((await bus.NextAsync(AgentTopics.OffersFor("fuel"), s_wait)).Payload.Span, AgentBusJsonContext.Default.OfferIssued)!;
        Assert.Equal(DecisionSource.Rules, issued.Offer.DecidedBy);
        Assert.Equal("o-fuel", issued.Offer.OfferId); // the rules prefer the member's interest
        var data = JsonDocument.Parse((await bus.NextAsync(LocalTopics.OutboxFor(OutboxStreams.OffersIssued), s_wait)).Payload).RootElement.GetProperty("body");
        Assert.Equal("Rules", data.GetProperty("decidedBy").GetString());
        Assert.Equal("no model loaded", data.GetProperty("reason").GetString());
        Assert.Equal(1, agent.Counters.Get("offers.model_rejected"));
        Assert.Equal(1, agent.Counters.Get("offers.fallback"));
    }

    [RequiresMosquittoFact]
    public async Task PresenceEntered_MemberInHoldout_NoOfferButControlDecisionLogged()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var dir = new TempDirectory("edge-agent-offers");
        var catalog = Catalogs.Write(dir.File("offers.json"), Catalogs.Offer("o-grocery", "GROCERY"));
        await using var agent = await TestAgent.StartAsync(broker, dir: dir, settings: new Dictionary<string, string>
        {
            ["EdgeAgent:Offers:CatalogFile"] = catalog,
            ["EdgeAgent:Offers:HoldoutShare"] = "1",
        });
        await using var bus = await BusProbe.ConnectAsync(broker, LocalTopics.Outbox + "/#");

        await bus.PublishDeltaAsync(Support.Members.Upsert(1, "m-1"));
        await Eventually.TrueAsync(() => agent.Get<Edge.Agent.Members.MemberStore>().Find("m-1") is not null, "member cached");
        var entered = new MemberEntered("p-3", "m-1", "dairy", 0.9, DateTimeOffset.UtcNow, 2.0);
        await bus.PublishAsync(PresenceTopics.For(entered), entered, PresenceJsonContext.Default.PresenceEvent);

        var data = JsonDocument.Parse((await bus.NextAsync(LocalTopics.OutboxFor(OutboxStreams.OffersIssued), s_wait)).Payload).RootElement.GetProperty("body");
        Assert.True(data.GetProperty("control").GetBoolean());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("couponId").ValueKind);
        Assert.Equal(1, agent.Counters.Get("offers.holdout"));
    }
}
