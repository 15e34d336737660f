using System.Collections.Concurrent;

namespace Edge.CloudSync.Downstream;

/// <summary>What the downstream path did; <see cref="DeadLetters"/> above zero is a fleet alarm. Thread-safe.</summary>
internal sealed class DownstreamCounters
{
    private long _applied;
    private long _duplicates;
    private long _commands;

    public ConcurrentDictionary<string, long> Rejected { get; } = new(StringComparer.Ordinal);

    public long Applied => Interlocked.Read(ref _applied);

    public long Duplicates => Interlocked.Read(ref _duplicates);

    public long Commands => Interlocked.Read(ref _commands);

    public long DeadLetters => Rejected.Values.Sum();

    public void CountApplied() => Interlocked.Increment(ref _applied);

    public void CountDuplicate() => Interlocked.Increment(ref _duplicates);

    public void CountCommand() => Interlocked.Increment(ref _commands);

    public void CountRejected(string code) => Rejected.AddOrUpdate(code, 1, (_, n) => n + 1);
}
