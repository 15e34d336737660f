namespace Edge.BeaconGateway.Members;

/// <summary>
/// Keeps the <see cref="MemberIdTable"/> of the current window: rebuilds it at every window boundary (a
/// <see cref="TimeProvider"/> timer) and whenever the member keys change, and swaps the reference atomically so
/// readers on the hot path never lock and never see a half-built table.
/// </summary>
public sealed class RotatingIdResolver : IDisposable
{
    private readonly TimeProvider _time;
    private readonly object _rebuildGate = new();
    private IReadOnlyList<MemberKey> _keys = [];
    private MemberIdTable _table = MemberIdTable.Empty;
    private ITimer? _timer;

    public RotatingIdResolver(TimeProvider time, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (window < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "The rotation window must be at least one second.");
        }

        _time = time;
        Window = window;
    }

    public TimeSpan Window { get; }

    public MemberIdTable Table => Volatile.Read(ref _table);

    /// <summary>The member keys the table is built from (replaced, never mutated).</summary>
    public IReadOnlyList<MemberKey> Keys => Volatile.Read(ref _keys);

    /// <summary>Raised after each swap (for logging by the host: count, window, build time).</summary>
    public event Action<MemberIdTable, TimeSpan>? TableSwapped;

    /// <summary>Builds the table for the current window now and schedules rebuilds at every boundary.</summary>
    public void Start()
    {
        Rebuild();
        lock (_rebuildGate)
        {
            _timer ??= _time.CreateTimer(_ => OnBoundary(), null, DueToNextBoundary(), Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Replaces the member keys (enrolment, revocation) and rebuilds at once.</summary>
    public void UpdateKeys(IReadOnlyList<MemberKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        Volatile.Write(ref _keys, keys);
        Rebuild();
    }

    /// <summary>
    /// Drops members at once (consent revoked): their IDs stop resolving as soon as this returns, before any key file
    /// is reloaded. Returns how many of them were known.
    /// </summary>
    public int Revoke(IReadOnlyCollection<string> memberIds)
    {
        ArgumentNullException.ThrowIfNull(memberIds);
        lock (_rebuildGate)
        {
            var keys = Volatile.Read(ref _keys);
            var kept = keys.Where(k => !memberIds.Contains(k.MemberId)).ToList();
            if (kept.Count == keys.Count)
            {
                return 0;
            }

            Volatile.Write(ref _keys, kept);
            Rebuild();
            return keys.Count - kept.Count;
        }
    }

    public bool TryResolve(ulong rotatingId, out MemberMatch match) => Table.TryResolve(rotatingId, out match);

    /// <summary>Resolves against one table snapshot, so the member index and id always belong together.</summary>
    public bool TryResolve(ulong rotatingId, out string memberId, out int windowOffset)
    {
        var table = Table;
        if (table.TryResolve(rotatingId, out var match))
        {
            memberId = table.MemberIds[match.MemberIndex];
            windowOffset = match.WindowOffset;
            return true;
        }

        memberId = string.Empty;
        windowOffset = 0;
        return false;
    }

    private void OnBoundary()
    {
        Rebuild();
        lock (_rebuildGate)
        {
            // Re-aim at the next boundary each time rather than trusting a period, so timer drift never accumulates.
            _timer?.Change(DueToNextBoundary(), Timeout.InfiniteTimeSpan);
        }
    }

    private void Rebuild()
    {
        lock (_rebuildGate)
        {
            var started = _time.GetTimestamp();
            var window = RotatingId.WindowIndex(_time.GetUtcNow(), Window);
            var table = MemberIdTable.Build(Volatile.Read(ref _keys), window);
            Volatile.Write(ref _table, table);
            TableSwapped?.Invoke(table, _time.GetElapsedTime(started));
        }
    }

    private TimeSpan DueToNextBoundary()
    {
        var now = _time.GetUtcNow();
        var next = RotatingId.WindowStart(RotatingId.WindowIndex(now, Window) + 1, Window);
        return next - now;
    }

    public void Dispose()
    {
        lock (_rebuildGate)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }
}
