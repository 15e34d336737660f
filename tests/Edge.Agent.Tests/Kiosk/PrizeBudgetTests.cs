using System.Text.Json;
using Edge.Agent.Games;
using Edge.Contracts.Agent;
using Edge.Contracts.Cloud;
using Edge.TestKit;

namespace Edge.Agent.Tests.Kiosk;

/// <summary>
/// The cloud's prize budget reaches the games through the real agent and broker (fake clock). Bad inputs tried: a
/// payload that is not JSON, a body without an amount, a negative amount, a replayed and an older sequence.
/// </summary>
public sealed class PrizeBudgetTests
{
    private static readonly DateOnly Day = new(2026, 11, 23);

    [RequiresMosquittoFact]
    public async Task HandleAsync_CloudBudgetThenReplaysAndGarbage_NewestSequenceReplacesConfiguredBudget()
    {
        await using var h = await KioskHarness.StartAsync(new Dictionary<string, string> { ["EdgeAgent:Games:PrizeBudget"] = "10" });
        var budgets = h.Agent.Get<IPrizeBudgetSource>();
        Assert.Equal(new PrizeBudget("2026-11-23", 10m), budgets.For(Day)); // configured until the cloud speaks

        await PublishAsync(h, 2, new PrizeBudgetUpdate(3m));
        await Support.Eventually.TrueAsync(() => h.Agent.Counters.Get("games.budget_applied") == 1, "budget applied");
        await PublishAsync(h, 2, new PrizeBudgetUpdate(99m)); // a replay
        await PublishAsync(h, 1, new PrizeBudgetUpdate(98m)); // older than the one applied
        await h.Bus.PublishRawAsync(CloudTopics.LocalDownFor(DownKinds.PrizeBudget), "{not json");
        await PublishAsync(h, 3, new PrizeBudgetUpdate(-1m));
        await h.Bus.PublishAsync(
            CloudTopics.LocalDownFor(DownKinds.PrizeBudget),
            new LocalDownEvent("prize-budget:4", DownKinds.PrizeBudget, 4, DateTimeOffset.UnixEpoch, JsonDocument.Parse("[1]").RootElement),
            CloudJsonContext.Default.LocalDownEvent);
        await Support.Eventually.TrueAsync(
            () => h.Agent.Counters.Get("games.budget_duplicate") == 2 && h.Agent.Counters.Get("games.budget_malformed") == 3, "replays and garbage counted");

        Assert.Equal(new PrizeBudget("2026-11-23", 3m), budgets.For(Day));
        Assert.Equal(1, h.Agent.Counters.Get("games.budget_applied"));
    }

    private static Task PublishAsync(KioskHarness h, long sequence, PrizeBudgetUpdate update) =>
        h.Bus.PublishAsync(
            CloudTopics.LocalDownFor(DownKinds.PrizeBudget),
            new LocalDownEvent("prize-budget:" + sequence, DownKinds.PrizeBudget, sequence, DateTimeOffset.UnixEpoch,
                JsonSerializer.SerializeToElement(update, AgentEventJsonContext.Default.PrizeBudgetUpdate)),
            CloudJsonContext.Default.LocalDownEvent);
}
