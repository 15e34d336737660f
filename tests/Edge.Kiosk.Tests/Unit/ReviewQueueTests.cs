using System.Globalization;
using Edge.Kiosk.Agent;
using Edge.Kiosk.Hosting;
using Edge.Kiosk.Reviews;
using Edge.Kiosk.Storage;
using Edge.Kiosk.Tests.Harness;
using Edge.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Edge.Kiosk.Tests.Unit;

/// <summary>Reviews posted while edge-agent is down wait in SQLite and go out when it is back (real SQLite, fake agent over HTTP).</summary>
public sealed class ReviewQueueTests : IDisposable
{
    private readonly TempDirectory _dir = new("kiosk-reviews");
    private readonly FakeTimeProvider _clock = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task FlushAsync_AgentDownThenRestartThenAgentUp_SendsQueuedReviewsAndDropsRefusedOnes()
    {
        var port = FreePort.Next();
        var path = _dir.File("kiosk.db");
        using (var db = new KioskDatabase(path))
        {
            var queue = new ReviewQueue(db, _clock);
            Assert.True(queue.TryEnqueue("s-jane", "p-coffee", 4, "queued while offline"));
            Assert.True(queue.TryEnqueue("s-expired", "p-coffee", 2, "session gone by the time it is sent"));
            Assert.Equal(0, await Service(queue, port).FlushAsync(CancellationToken.None));
            Assert.Equal(2, queue.Pending(10).Count);
        }

        await using var agent = await FakeAgent.StartAsync(port);
        agent.AddSession("s-jane");
        using var reopened = new KioskDatabase(path);
        var restored = new ReviewQueue(reopened, _clock);
        Assert.Equal(2, restored.Pending(10).Count);

        // The agent answers now: Jane's review goes out; the other's session is unknown to it (expired), so that one
        // is refused and dropped rather than retried for ever.
        Assert.Equal(1, await Service(restored, port).FlushAsync(CancellationToken.None));
        Assert.Empty(restored.Pending(10));
        var sent = Assert.Single(agent.Reviews);
        Assert.Equal(("s-jane", 4, "queued while offline"), (sent.SessionId, sent.Rating, sent.Text));
    }

    [Fact]
    public void TryEnqueue_QueueFull_RefusesMore()
    {
        using var db = new KioskDatabase(_dir.File("full.db"));
        var queue = new ReviewQueue(db, _clock);
        for (var i = 0; i < ReviewQueue.MaxQueued; i++)
        {
            Assert.True(queue.TryEnqueue("s", "p", 5, i.ToString(CultureInfo.InvariantCulture)));
        }

        Assert.False(queue.TryEnqueue("s", "p", 5, "one too many"));
    }

    private ReviewQueueService Service(ReviewQueue queue, int agentPort)
    {
        var http = new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        var options = Options.Create(new KioskOptions { AgentUrl = $"http://127.0.0.1:{agentPort.ToString(CultureInfo.InvariantCulture)}", AgentToken = FakeAgent.Token });
        var agent = new AgentClient(http, options, TimeProvider.System, NullLogger<AgentClient>.Instance);
        return new ReviewQueueService(queue, agent, _clock, NullLogger<ReviewQueueService>.Instance);
    }
}
