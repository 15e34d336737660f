using System.Net.Http.Json;
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
    public async Task PresenceEntered_MemberInHoldout_NoCouponButWouldBeOfferLoggedAndItsPurchaseReportedOnce()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var dir = new TempDirectory("edge-agent-offers");
        var catalog = Catalogs.Write(dir.File("offers.json"), Catalogs.Offer("o-grocery", "GROCERY"));
        await using var agent = await TestAgent.StartAsync(broker, dir: dir, settings: new Dictionary<string, string>
        {
            ["EdgeAgent:Offers:CatalogFile"] = catalog,
            ["EdgeAgent:Offers:HoldoutShare"] = "1",
            ["EdgeAgent:Api:PosToken"] = "pos-secret",
        });
        agent.Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "pos-secret");
        await using var bus = await BusProbe.ConnectAsync(broker, LocalTopics.Outbox + "/#");

        await bus.PublishDeltaAsync(Support.Members.Upsert(1, "m-1"));
        await Eventually.TrueAsync(() => agent.Get<Edge.Agent.Members.MemberStore>().Find("m-1") is not null, "member cached");
        var entered = new MemberEntered("p-3", "m-1", "dairy", 0.9, DateTimeOffset.UtcNow, 2.0);
        await bus.PublishAsync(PresenceTopics.For(entered), entered, PresenceJsonContext.Default.PresenceEvent);

        var data = JsonDocument.Parse((await bus.NextAsync(LocalTopics.OutboxFor(OutboxStreams.OffersIssued), s_wait)).Payload).RootElement.GetProperty("body");
        Assert.True(data.GetProperty("control").GetBoolean());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("couponId").ValueKind);
        Assert.Equal("o-grocery", data.GetProperty("offerId").GetString()); // the offer they would have been given
        Assert.Equal(1, agent.Counters.Get("offers.holdout"));
        Assert.Equal(0, agent.Get<Edge.Agent.Storage.AgentDatabase>().Read(c => Edge.Agent.Storage.SqlExtensions.Long(c, "SELECT count(*) FROM coupons;")));

        // A receipt without the offer's category converts nothing; one with it converts the decision once, and its replay
        // and a second matching receipt convert nothing more.
        await PostReceiptAsync(agent, "t-coffee", new PosReceiptLine("p-coffee", "COFFEE", 1, 2.5m));
        await PostReceiptAsync(agent, "t-milk", new PosReceiptLine("p-milk", "grocery", 1, 1.5m));
        await PostReceiptAsync(agent, "t-milk", new PosReceiptLine("p-milk", "grocery", 1, 1.5m));
        await PostReceiptAsync(agent, "t-milk-2", new PosReceiptLine("p-milk", "GROCERY", 2, 1.5m));

        var conversion = JsonDocument.Parse((await bus.NextAsync(LocalTopics.OutboxFor(OutboxStreams.HoldoutConversions), s_wait)).Payload).RootElement;
        Assert.Equal("holdout-conversion:" + data.GetProperty("decisionId").GetString(), conversion.GetProperty("messageId").GetString());
        Assert.Equal("o-grocery", conversion.GetProperty("body").GetProperty("offerId").GetString());
        Assert.False(conversion.GetProperty("body").TryGetProperty("memberId", out _)); // the member is on the decision already
        Assert.Equal(1, agent.Counters.Get("offers.holdout_converted"));
        Assert.Equal(1, agent.Get<Edge.Agent.Storage.AgentDatabase>().Read(c => Edge.Agent.Storage.SqlExtensions.Long(c, "SELECT count(*) FROM outbox WHERE stream = $1;", OutboxStreams.HoldoutConversions)));
    }

    [Theory]
    [InlineData("p-1", "A", "p-1", null, true)]
    [InlineData("p-1", "A", "p-2", "A", false)] // an offer on a product needs that product, not just its category
    [InlineData("p-9", "Grocery", null, "GROCERY", true)]
    [InlineData("p-9", null, null, "GROCERY", false)]
    [InlineData("p-9", null, null, null, true)] // an offer on neither: any purchase
    public void HoldoutMatches_ProductOrCategory_AsTheOfferNamesIt(string productId, string? category, string? offerProduct, string? offerCategory, bool expected) =>
        Assert.Equal(expected, Edge.Agent.Offers.HoldoutConversions.Matches(new PosReceiptLine(productId, category, 1, 1m), offerProduct, offerCategory));

    private static async Task PostReceiptAsync(TestAgent agent, string transactionId, PosReceiptLine line)
    {
        var receipt = new PosReceipt(transactionId, "m-1", DateTimeOffset.UtcNow, [line], line.Quantity * line.UnitPrice);
        using var response = await agent.Http.PostAsJsonAsync(AgentRoutes.Receipts, receipt, AgentApiJsonContext.Default.PosReceipt);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
