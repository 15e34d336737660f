using Edge.Contracts.Motion;

namespace Edge.BeaconGateway.Motion;

/// <summary>
/// Turns sensor edges into zone states and footfall. A zone becomes active on the first motion of any of its
/// sensors (one footfall onset) and inactive once none of its sensors is high and <see cref="MotionOptions.HoldTime"/>
/// has passed since the last motion; checked every second on the injected clock. Footfall per zone (zeros too, so a
/// dead sensor shows as a flat line rather than a gap) is published every <see cref="MotionOptions.FootfallInterval"/>.
/// Thread-safe: edges and timers may arrive concurrently.
/// </summary>
public sealed class MotionTracker : IDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<string, MotionSensorOptions> _sensors;
    private readonly Dictionary<string, ZoneState> _zones = new(StringComparer.Ordinal);
    private readonly HashSet<string> _high = new(StringComparer.Ordinal);
    private readonly MotionOptions _options;
    private readonly IMotionPublisher _publisher;
    private readonly TimeProvider _time;
    private readonly ITimer _holdTimer;
    private readonly ITimer _footfallTimer;
    private DateTimeOffset _footfallFrom;

    public MotionTracker(MotionOptions options, IMotionPublisher publisher, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _publisher = publisher ?? throw new ArgumentNullException(nameof(publisher));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _sensors = options.Sensors.ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var zone in options.Sensors.Select(s => s.Zone).Distinct(StringComparer.Ordinal))
        {
            _zones[zone] = new ZoneState();
        }

        _footfallFrom = time.GetUtcNow();
        _holdTimer = time.CreateTimer(_ => CheckHolds(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        _footfallTimer = time.CreateTimer(_ => PublishFootfall(), null, options.FootfallInterval, options.FootfallInterval);
    }

    /// <summary>Edges from sensors that are not configured (wiring mistakes), counted and ignored.</summary>
    public long UnknownSensorEdges { get; private set; }

    public void OnEdge(MotionEdge edge)
    {
        lock (_gate)
        {
            if (!_sensors.TryGetValue(edge.SensorId, out var sensor))
            {
                UnknownSensorEdges++;
                return;
            }

            var zone = _zones[sensor.Zone];
            zone.LastMotion = edge.At;
            if (!edge.Active)
            {
                _high.Remove(edge.SensorId);
                return;
            }

            _high.Add(edge.SensorId);
            if (!zone.Active)
            {
                zone.Active = true;
                zone.Onsets++;
                _publisher.Publish(new ZoneMotion(sensor.Zone, true, edge.At));
            }
        }
    }

    public void Dispose()
    {
        _holdTimer.Dispose();
        _footfallTimer.Dispose();
    }

    private void CheckHolds()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            foreach (var (name, zone) in _zones)
            {
                if (zone.Active && now - zone.LastMotion >= _options.HoldTime && !_high.Any(id => _sensors[id].Zone == name))
                {
                    zone.Active = false;
                    _publisher.Publish(new ZoneMotion(name, false, now));
                }
            }
        }
    }

    private void PublishFootfall()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            foreach (var (name, zone) in _zones)
            {
                _publisher.Publish(new ZoneFootfall(name, zone.Onsets, _footfallFrom, now));
                zone.Onsets = 0;
            }

            _footfallFrom = now;
        }
    }

    private sealed class ZoneState
    {
        public bool Active { get; set; }

        public DateTimeOffset LastMotion { get; set; }

        public int Onsets { get; set; }
    }
}
