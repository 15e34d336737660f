using System.Net.Http.Headers;
using System.Net.Http.Json;
using Edge.Agent.Tests.Support;
using Edge.Contracts;
using Edge.Contracts.Agent;
using Edge.TestKit;

namespace Edge.Agent.Tests.Loyalty;

/// <summary>
/// The real agent on a real broker and SQLite file with a fake clock, as the POS sees it. One punch card "coffee"
/// (category COFFEE, 5 stamps, 1 a day), 1 point per unit, at most 100 pending points per member per day.
/// </summary>
internal sealed class LoyaltyStore : IAsyncDisposable
{
    public const string PosToken = "pos-secret";

    private LoyaltyStore(MosquittoBroker broker, TestAgent agent, BusProbe bus, FakeTimeProvider time)
    {
        Broker = broker;
        Agent = agent;
        Bus = bus;
        Time = time;
    }

    public MosquittoBroker Broker { get; }

    public TestAgent Agent { get; }

    public BusProbe Bus { get; }

    public FakeTimeProvider Time { get; }

    public static async Task<LoyaltyStore> StartAsync()
    {
        var broker = await MosquittoBroker.StartAsync();
        var time = new FakeTimeProvider();
        var agent = await TestAgent.StartAsync(broker, time, new Dictionary<string, string>
        {
            ["EdgeAgent:Api:PosToken"] = PosToken,
            ["EdgeAgent:Api:WearableToken"] = "wearable-secret",
            ["EdgeAgent:Loyalty:PointsPerCurrencyUnit"] = "1",
            ["EdgeAgent:Loyalty:MaxPendingPointsPerMemberPerDay"] = "100",
            ["EdgeAgent:Loyalty:PunchCards:0:CardId"] = "coffee",
            ["EdgeAgent:Loyalty:PunchCards:0:Name"] = "Coffee card",
            ["EdgeAgent:Loyalty:PunchCards:0:Reward"] = "a free coffee",
            ["EdgeAgent:Loyalty:PunchCards:0:StampsRequired"] = "5",
            ["EdgeAgent:Loyalty:PunchCards:0:MaxStampsPerDay"] = "1",
            ["EdgeAgent:Loyalty:PunchCards:0:Categories:0"] = "COFFEE",
        });
        agent.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", PosToken);
        var bus = await BusProbe.ConnectAsync(broker, LocalTopics.OutboxFor(OutboxStreams.Stamps), LocalTopics.OutboxFor(OutboxStreams.Points));
        await bus.PublishDeltaAsync(Support.Members.Upsert(1, "m-1"));
        await Eventually.TrueAsync(() => agent.Get<Edge.Agent.Members.MemberStore>().Find("m-1") is not null, "member cached");
        return new LoyaltyStore(broker, agent, bus, time);
    }

    /// <summary>A receipt at the fake clock's now: <paramref name="coffees"/> coffees at 2.50 and a loaf at 7.50.</summary>
    public PosReceipt Receipt(string transactionId, int coffees = 1, string? memberId = "m-1", decimal? total = null) =>
        new(transactionId, memberId, Time.GetUtcNow(),
            [new PosReceiptLine("p-coffee", "COFFEE", coffees, 2.50m), new PosReceiptLine("p-bread", "BAKERY", 1, 7.50m)],
            total ?? (coffees * 2.50m) + 7.50m);

    public async Task<PosReceiptResult> PostAsync(PosReceipt receipt)
    {
        using var response = await Agent.Http.PostAsJsonAsync(AgentRoutes.Receipts, receipt, AgentApiJsonContext.Default.PosReceipt);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync(AgentApiJsonContext.Default.PosReceiptResult))!;
    }

    public long Count(string sql, params object[] values) =>
        Agent.Get<Edge.Agent.Storage.AgentDatabase>().Read(c => Edge.Agent.Storage.SqlExtensions.Long(c, sql, values));

    public async ValueTask DisposeAsync()
    {
        await Bus.DisposeAsync();
        await Agent.DisposeAsync();
        await Broker.DisposeAsync();
    }
}
