using System.Threading.Channels;

namespace Edge.Agent.Alerts;

/// <summary>
/// Wakes <see cref="AlertEscalationService"/> when the earliest open alert's claim deadline passes (one timer from the
/// injected TimeProvider, re-armed to the next deadline; a fake clock in tests moves it) and once a minute for the
/// hourly outcome report and the log purge. Arming keeps the EARLIER of the armed and the new deadline, so an alert
/// raised while the service recomputes is never missed.
/// </summary>
internal sealed class AlertScheduler : IDisposable
{
    private readonly TimeProvider _time;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lock _gate = new();
    private readonly ITimer _deadline;
    private readonly ITimer _maintenance;
    private DateTimeOffset? _armed;

    public AlertScheduler(TimeProvider time)
    {
        _time = time;
        _deadline = time.CreateTimer(_ => OnDeadline(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _maintenance = time.CreateTimer(_ => Wake(), null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
    }

    public void Arm(DateTimeOffset? due)
    {
        if (due is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_armed is { } armed && armed <= due)
            {
                return;
            }

            _armed = due;
            var wait = due.Value - _time.GetUtcNow();
            _deadline.Change(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    public void Wake() => _wake.Writer.TryWrite(true);

    public ValueTask<bool> WaitAsync(CancellationToken cancellationToken) => _wake.Reader.WaitToReadAsync(cancellationToken);

    public void Consume() => _wake.Reader.TryRead(out _);

    private void OnDeadline()
    {
        lock (_gate)
        {
            _armed = null;
        }

        Wake();
    }

    public void Dispose()
    {
        _deadline.Dispose();
        _maintenance.Dispose();
    }
}
