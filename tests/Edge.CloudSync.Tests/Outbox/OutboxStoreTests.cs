using System.Text;
using Edge.CloudSync.Outbox;
using Edge.TestKit;

namespace Edge.CloudSync.Tests.Outbox;

public sealed class OutboxStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new("outbox");
    private readonly FakeTimeProvider _clock = new();

    private string DbPath => _dir.File("outbox.db");

    [Fact]
    public void Append_TwoStreams_SequencesAreGapFreePerStream()
    {
        using var store = Open();

        var results = store.Append([Msg("events", "a"), Msg("redemptions", "b"), Msg("events", "c"), Msg("events", "d")]);

        Assert.Equal([1L, 1L, 2L, 3L], results.Select(r => r.Sequence));
        Assert.All(results, r => Assert.Equal(AppendOutcome.Appended, r.Outcome));
        var pending = store.ReadPending(0, 100);
        Assert.Equal(["a", "b", "c", "d"], pending.Select(p => p.MessageId));
    }

    [Fact]
    public void Append_SameMessageIdTwice_StoresItOnce()
    {
        using var store = Open();
        store.Append([Msg("events", "dup")]);

        var again = store.Append([Msg("events", "dup"), Msg("events", "x"), Msg("events", "x")]);

        Assert.Equal([AppendOutcome.Duplicate, AppendOutcome.Appended, AppendOutcome.Duplicate], again.Select(r => r.Outcome));
        Assert.Equal(2, store.ReadPending(0, 100).Count);
    }

    [Fact]
    public void Append_IdAlreadyAcknowledged_IsStillADuplicate()
    {
        using var store = Open();
        store.Append([Msg("events", "sent")]);
        store.Acknowledge(store.ReadPending(0, 10));

        var again = store.Append([Msg("events", "sent")]);

        Assert.Equal(AppendOutcome.Duplicate, again[0].Outcome);
        Assert.Empty(store.ReadPending(0, 10));
    }

    [Fact]
    public void Reopen_AfterAppendsAndAcks_ContinuesSequencesAndKeepsPending()
    {
        using (var store = Open())
        {
            store.Append([Msg("events", "1"), Msg("events", "2"), Msg("events", "3")]);
            store.Acknowledge(store.ReadPending(0, 1));
        }

        using var reopened = Open();
        var next = reopened.Append([Msg("events", "4")]);

        Assert.Equal(4L, next[0].Sequence);
        Assert.Equal(["2", "3", "4"], reopened.ReadPending(0, 10).Select(p => p.MessageId));
        var stream = Assert.Single(reopened.Stats().Streams);
        Assert.Equal(1L, stream.AckedSequence);
        Assert.Equal(3L, stream.Depth);
    }

    [Fact]
    public void Append_OverQuota_DropsOldestCompactableAndNeverProtected()
    {
        using var store = Open(quota: 10 * (1000 + 96));
        for (var i = 0; i < 6; i++)
        {
            store.Append([Msg("telemetry", "t" + i, 1000)]);
        }

        var results = store.Append([Msg("redemptions", "r1", 1000), Msg("redemptions", "r2", 1000), Msg("redemptions", "r3", 1000), Msg("redemptions", "r4", 1000), Msg("redemptions", "r5", 1000)]);

        Assert.All(results, r => Assert.Equal(AppendOutcome.Appended, r.Outcome));
        var ids = store.ReadPending(0, 100).Select(p => p.MessageId).ToList();
        Assert.Equal(["t1", "t2", "t3", "t4", "t5", "r1", "r2", "r3", "r4", "r5"], ids);
        Assert.False(store.OverQuotaWithProtectedOnly);
        Assert.Equal(1L, store.Stats().Streams.Single(s => s.Stream == "telemetry").Dropped);
    }

    [Fact]
    public void Append_QuotaFullOfProtected_KeepsEverythingAndRaisesAlarm()
    {
        using var store = Open(quota: 3 * (1000 + 96));

        for (var i = 0; i < 5; i++)
        {
            store.Append([Msg("reviews", "v" + i, 1000)]);
        }

        var telemetry = store.Append([Msg("telemetry", "t", 1000)]);

        Assert.Equal(AppendOutcome.DroppedByQuota, telemetry[0].Outcome);
        Assert.Equal(5, store.ReadPending(0, 100).Count);
        Assert.True(store.OverQuotaWithProtectedOnly);
        Assert.True(store.Stats().OverQuotaWithProtectedOnly);
    }

    [Fact]
    public void DeleteExpired_AfterExpiry_RemovesOnlyExpiredMessages()
    {
        using var store = Open();
        var expiry = _clock.GetUtcNow().AddMinutes(5);
        store.Append([Msg("offers", "short", expires: expiry), Msg("offers", "forever")]);

        _clock.Advance(TimeSpan.FromMinutes(4));
        var none = store.DeleteExpired();
        _clock.Advance(TimeSpan.FromMinutes(2));
        var expired = store.DeleteExpired();

        Assert.Empty(none);
        Assert.Equal("short", Assert.Single(expired).MessageId);
        Assert.Equal("forever", Assert.Single(store.ReadPending(0, 10)).MessageId);
    }

    private OutboxStore Open(long quota = 1L << 30) => new(DbPath, quota, ["telemetry", "proof-of-play"], _clock);

    private static OutboxAppend Msg(string stream, string id, int size = 16, DateTimeOffset? expires = null) =>
        new(stream, id, Encoding.UTF8.GetBytes(new string('x', size)), "application/json", expires);

    public void Dispose() => _dir.Dispose();
}
