using Edge.BeaconGateway.Advertising;
using Edge.BeaconGateway.Presence;
using Edge.Contracts.Presence;

namespace Edge.BeaconGateway.StoreBeacons;

/// <summary>
/// Fleet health of the store's own beacons: remembers when each was last heard, publishes Eddystone-TLM battery
/// and temperature at most once per <see cref="TelemetryInterval"/>, and raises one silent alarm when a beacon has
/// not been heard for its <see cref="StoreBeaconOptions.SilentAfter"/> (re-armed when it is heard again).
/// </summary>
public sealed class StoreBeaconMonitor : IDisposable
{
    private readonly object _gate = new();
    private readonly StoreBeaconRegistry _registry;
    private readonly IPresenceSink _sink;
    private readonly TimeProvider _time;
    private readonly DateTimeOffset?[] _lastSeen;
    private readonly DateTimeOffset?[] _lastTelemetry;
    private readonly bool[] _alarmed;
    private readonly DateTimeOffset _startedAt;
    private ITimer? _timer;

    public StoreBeaconMonitor(StoreBeaconRegistry registry, IPresenceSink sink, TimeProvider time)
    {
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        var count = registry.Beacons.Count;
        _lastSeen = new DateTimeOffset?[count];
        _lastTelemetry = new DateTimeOffset?[count];
        _alarmed = new bool[count];
        _startedAt = time.GetUtcNow();
    }

    public TimeSpan TelemetryInterval { get; init; } = TimeSpan.FromMinutes(15);

    public TimeSpan CheckInterval { get; init; } = TimeSpan.FromSeconds(10);

    public void Start()
    {
        lock (_gate)
        {
            _timer ??= _time.CreateTimer(_ => Check(_time.GetUtcNow()), null, CheckInterval, CheckInterval);
        }
    }

    public DateTimeOffset? LastSeen(int index)
    {
        lock (_gate)
        {
            return _lastSeen[index];
        }
    }

    public void OnSeen(int index, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (_lastSeen[index] is null || at > _lastSeen[index])
            {
                _lastSeen[index] = at;
            }

            _alarmed[index] = false;
        }
    }

    public void OnTelemetry(int index, in EddystoneTlm tlm, DateTimeOffset at)
    {
        OnSeen(index, at);
        lock (_gate)
        {
            if (_lastTelemetry[index] is { } last && at - last < TelemetryInterval)
            {
                return;
            }

            _lastTelemetry[index] = at;
        }

        _sink.Publish(new StoreBeaconTelemetry(Guid.CreateVersion7(at).ToString("N"), _registry.Beacons[index].Id, at,
            tlm.HasBattery ? tlm.BatteryMillivolts : null, tlm.TemperatureCelsius));
    }

    /// <summary>Raises the silent alarm for every beacon quiet for longer than its limit (once per silence).</summary>
    public void Check(DateTimeOffset now)
    {
        lock (_gate)
        {
            for (var i = 0; i < _alarmed.Length; i++)
            {
                var reference = _lastSeen[i] ?? _startedAt;
                var silentFor = now - reference;
                if (!_alarmed[i] && silentFor > _registry.Beacons[i].SilentAfter)
                {
                    _alarmed[i] = true;
                    _sink.Publish(new StoreBeaconSilent(Guid.CreateVersion7(now).ToString("N"), _registry.Beacons[i].Id, now, _lastSeen[i], silentFor));
                }
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }
}
