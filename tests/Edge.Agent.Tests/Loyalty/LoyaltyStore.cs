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
internal sealed class LoyaltyStore : FakeClockStore
{
    public const string PosToken = "pos-secret";

    private LoyaltyStore((MosquittoBroker, TestAgent, BusProbe, FakeTimeProvider) parts)
        : base(parts)
    {
    }

    public static async Task<LoyaltyStore> StartAsync()
    {
        var store = new LoyaltyStore(await StartPartsAsync(
            new Dictionary<string, string>
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
            },
            PosToken,
            [LocalTopics.OutboxFor(OutboxStreams.Stamps), LocalTopics.OutboxFor(OutboxStreams.Points)]));
        await store.Bus.PublishDeltaAsync(Support.Members.Upsert(1, "m-1"));
        await Eventually.TrueAsync(() => store.Agent.Get<Edge.Agent.Members.MemberStore>().Find("m-1") is not null, "member cached");
        return store;
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
}
