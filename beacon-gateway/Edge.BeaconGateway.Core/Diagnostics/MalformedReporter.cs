using Edge.BeaconGateway.Hci;
using Microsoft.Extensions.Logging;

namespace Edge.BeaconGateway.Diagnostics;

/// <summary>
/// Logs rejected input at most once per reason per interval (a minute by default), as the count since the last
/// report, so a flood of bad frames costs one log line a minute, not one per frame.
/// </summary>
public sealed class MalformedReporter : IDisposable
{
    private static readonly MalformedReason[] Reasons = Enum.GetValues<MalformedReason>();
    private readonly MalformedCounters _counters;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly long[] _reported = new long[Reasons.Length];
    private ITimer? _timer;

    public MalformedReporter(MalformedCounters counters, ILogger<MalformedReporter> logger, TimeProvider time)
    {
        _counters = counters;
        _logger = logger;
        _time = time;
    }

    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);

    public void Start() => _timer ??= _time.CreateTimer(_ => Report(), null, Interval, Interval);

    public void Report()
    {
        lock (_reported)
        {
            foreach (var reason in Reasons)
            {
                var now = _counters[reason];
                var delta = now - _reported[(int)reason];
                if (delta > 0)
                {
                    _reported[(int)reason] = now;
                    GatewayLog.Rejected(_logger, delta, reason);
                }
            }
        }
    }

    public void Dispose() => _timer?.Dispose();
}
