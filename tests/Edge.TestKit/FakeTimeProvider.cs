namespace Edge.TestKit;

/// <summary>
/// A <see cref="TimeProvider"/> whose clock only moves when a test calls <see cref="Advance"/> or
/// <see cref="SetUtcNow"/>. Timers created through it (PeriodicTimer, Task.Delay(TimeSpan, TimeProvider),
/// CancellationTokenSource with a TimeProvider) fire synchronously inside Advance, in due-time order.
/// Microsoft.Extensions.TimeProvider.Testing is not served by the registry here, hence this one.
/// </summary>
public sealed class FakeTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<FakeTimer> _timers = [];
    private TaskCompletionSource _timersChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DateTimeOffset _now;
    private long _timestamp;

    public FakeTimeProvider()
        : this(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public FakeTimeProvider(DateTimeOffset start)
    {
        _now = start;
    }

    public TimeZoneInfo LocalZone { get; set; } = TimeZoneInfo.Utc;

    public override TimeZoneInfo LocalTimeZone => LocalZone;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp()
    {
        lock (_gate)
        {
            return _timestamp;
        }
    }

    /// <summary>Number of timers currently armed; lets a test wait until code under test is parked on the clock.</summary>
    public int ActiveTimers
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count(t => t.DueAt is not null);
            }
        }
    }

    /// <summary>
    /// Completes once at least <paramref name="count"/> timers are armed: code under test that runs on another
    /// thread (BackgroundService.ExecuteAsync in .NET 10) has then parked on the clock, so Advance will reach it.
    /// </summary>
    public async Task WaitForActiveTimersAsync(int count, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_timers.Count(t => t.DueAt is not null) >= count)
                {
                    return;
                }

                changed = _timersChanged.Task;
            }

            try
            {
                await changed.WaitAsync(cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Fewer than {count} timers were armed on the fake clock within {timeout}.");
            }
        }
    }

    private void SignalTimersChanged()
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            previous = _timersChanged;
            _timersChanged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }

    public void SetUtcNow(DateTimeOffset value)
    {
        TimeSpan delta;
        lock (_gate)
        {
            delta = value - _now;
        }

        if (delta < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "The fake clock never goes backwards.");
        }

        Advance(delta);
    }

    /// <summary>Moves the clock forward, firing every timer that falls due on the way, each at its own due time.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + delta;
        }

        while (true)
        {
            FakeTimer? next;
            lock (_gate)
            {
                next = _timers.Where(t => t.DueAt is not null && t.DueAt <= target)
                    .OrderBy(t => t.DueAt)
                    .FirstOrDefault();
                if (next is null)
                {
                    AdvanceTo(target);
                    return;
                }

                AdvanceTo(next.DueAt!.Value);
                next.Rearm();
            }

            next.Fire();
        }
    }

    private void AdvanceTo(DateTimeOffset when)
    {
        if (when > _now)
        {
            _timestamp += (when - _now).Ticks;
            _now = when;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset? DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                if (!owner._timers.Contains(this))
                {
                    return false;
                }

                _period = period;
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : owner._now + dueTime;
            }

            owner.SignalTimersChanged();

            // A zero due time fires at once, as System.Threading.Timer would (soon after).
            if (dueTime == TimeSpan.Zero)
            {
                owner.Advance(TimeSpan.Zero);
            }

            return true;
        }

        // Called under the owner's lock, just before Fire.
        public void Rearm() =>
            DueAt = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : DueAt + _period;

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
                DueAt = null;
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
