namespace Edge.Hosting.Clock;

/// <summary>
/// A clock that runs <c>rate</c> times faster than <c>real</c> from <c>origin</c> on: now = origin + (real now -
/// origin) x rate, timestamps advance rate times faster, and timers fire after 1/rate of their simulated due time.
/// Everything that takes the injected <see cref="TimeProvider"/> (PeriodicTimer, Task.Delay, WaitAsync, Polly) follows it;
/// what keeps its own real clock (Kestrel, libmosquitto's keepalive, OpenSSL's certificate checks, log timestamps)
/// does not, which is why this is for demos and tests only (<see cref="EdgeClockOptions"/>).
/// </summary>
public sealed class ScaledTimeProvider : TimeProvider
{
    private readonly TimeProvider _real;
    private readonly DateTimeOffset _origin;
    private readonly long _anchor;

    public ScaledTimeProvider(TimeProvider real, double rate, DateTimeOffset origin)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentOutOfRangeException.ThrowIfLessThan(rate, 1.0);
        _real = real;
        Rate = rate;
        _origin = origin;
        _anchor = real.GetTimestamp();
    }

    public double Rate { get; }

    /// <summary>The instant at which this clock equals the real one.</summary>
    public DateTimeOffset Origin => _origin;

    public override TimeZoneInfo LocalTimeZone => _real.LocalTimeZone;

    public override long TimestampFrequency => _real.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => _origin + (_real.GetUtcNow() - _origin) * Rate;

    // Anchored at construction so that the product stays far from overflow and exact in a double for any uptime.
    public override long GetTimestamp() => _anchor + (long)((_real.GetTimestamp() - _anchor) * Rate);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(_real.CreateTimer(callback, state, ToReal(dueTime), ToReal(period)), this);

    /// <summary>The real span after which <paramref name="simulated"/> has passed on this clock (infinite and zero unchanged).</summary>
    internal TimeSpan ToReal(TimeSpan simulated) =>
        simulated <= TimeSpan.Zero ? simulated : TimeSpan.FromTicks(Math.Max(1, (long)(simulated.Ticks / Rate)));
}
