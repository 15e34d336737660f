using System.Text;
using Edge.CloudSync.Outbox;
using Edge.TestKit;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.CloudSync.Tests.Outbox;

public sealed class OutboxWriterTests : IDisposable
{
    private readonly TempDirectory _dir = new("outbox-writer");

    [Fact]
    public async Task AppendAsync_ManyConcurrentProducers_CommitsEveryMessageOnceInGapFreeOrder()
    {
        using var store = new OutboxStore(_dir.File("o.db"), 1L << 30, [], TimeProvider.System);
        using var writer = new OutboxWriter(store, capacity: 64, maxGroup: 256, NullLogger<OutboxWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);

        var tasks = Enumerable.Range(0, 2000)
            .Select(i => writer.AppendAsync(new OutboxAppend("events", "m" + i, Encoding.UTF8.GetBytes("{}")), CancellationToken.None).AsTask());
        var results = await Task.WhenAll(tasks);
        await writer.StopAsync(CancellationToken.None);

        Assert.All(results, r => Assert.Equal(AppendOutcome.Appended, r.Outcome));
        Assert.Equal(Enumerable.Range(1, 2000).Select(i => (long)i), results.Select(r => r.Sequence).Order());
        Assert.Equal(2000, store.ReadPending(0, 10_000).Count);
        Assert.Equal(2000, writer.Appended);
    }

    [Fact]
    public async Task StopAsync_WithQueuedAppends_CommitsThemBeforeClosing()
    {
        using var store = new OutboxStore(_dir.File("o.db"), 1L << 30, [], TimeProvider.System);
        using var writer = new OutboxWriter(store, capacity: 10_000, maxGroup: 100, NullLogger<OutboxWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        var pending = Enumerable.Range(0, 500)
            .Select(i => writer.AppendAsync(new OutboxAppend("events", "s" + i, Encoding.UTF8.GetBytes("{}")), CancellationToken.None).AsTask())
            .ToList();

        await writer.StopAsync(CancellationToken.None);
        await Task.WhenAll(pending);

        Assert.Equal(500, store.ReadPending(0, 10_000).Count);
    }

    [Fact]
    public async Task AcknowledgeAsync_AfterAppends_RemovesAcknowledgedOnly()
    {
        using var store = new OutboxStore(_dir.File("o.db"), 1L << 30, [], TimeProvider.System);
        using var writer = new OutboxWriter(store, 64, 64, NullLogger<OutboxWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        for (var i = 0; i < 10; i++)
        {
            await writer.AppendAsync(new OutboxAppend("events", "a" + i, Encoding.UTF8.GetBytes("{}")), CancellationToken.None);
        }

        await writer.AcknowledgeAsync(store.ReadPending(0, 4), CancellationToken.None);
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(["a4", "a5", "a6", "a7", "a8", "a9"], store.ReadPending(0, 100).Select(e => e.MessageId));
        Assert.Equal(4L, store.Stats().Streams.Single().AckedSequence);
    }

    public void Dispose() => _dir.Dispose();
}
