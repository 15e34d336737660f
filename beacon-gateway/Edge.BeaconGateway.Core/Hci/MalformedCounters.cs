namespace Edge.BeaconGateway.Hci;

/// <summary>
/// Thread-safe counts of rejected inputs, one per <see cref="MalformedReason"/>. Incrementing is one interlocked
/// add on a preallocated array, so the parser's hot path stays allocation-free.
/// </summary>
public sealed class MalformedCounters
{
    private static readonly MalformedReason[] Reasons = Enum.GetValues<MalformedReason>();
    private readonly long[] _counts = new long[Reasons.Length];

    public void Increment(MalformedReason reason) => Interlocked.Increment(ref _counts[(int)reason]);

    public long this[MalformedReason reason] => Volatile.Read(ref _counts[(int)reason]);

    public long Total
    {
        get
        {
            long total = 0;
            for (var i = 0; i < _counts.Length; i++)
            {
                total += Volatile.Read(ref _counts[i]);
            }

            return total;
        }
    }

    /// <summary>A copy of the non-zero counters, for health reports and tests.</summary>
    public IReadOnlyDictionary<MalformedReason, long> Snapshot()
    {
        var result = new Dictionary<MalformedReason, long>();
        foreach (var reason in Reasons)
        {
            var value = this[reason];
            if (value != 0)
            {
                result[reason] = value;
            }
        }

        return result;
    }
}
