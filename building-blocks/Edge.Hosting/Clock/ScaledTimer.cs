namespace Edge.Hosting.Clock;

/// <summary>A real timer whose due time and period are given on the scaled clock.</summary>
internal sealed class ScaledTimer(ITimer real, ScaledTimeProvider clock) : ITimer
{
    public bool Change(TimeSpan dueTime, TimeSpan period) => real.Change(clock.ToReal(dueTime), clock.ToReal(period));

    public void Dispose() => real.Dispose();

    public ValueTask DisposeAsync() => real.DisposeAsync();
}
