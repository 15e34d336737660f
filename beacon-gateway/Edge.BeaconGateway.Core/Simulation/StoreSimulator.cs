using Edge.BeaconGateway.Hci;
using Edge.BeaconGateway.Members;
using Edge.BeaconGateway.Resolution;

namespace Edge.BeaconGateway.Simulation;

/// <summary>
/// A seeded store: zones in a row with one receiver at each centre, members' phones (advertising the real rotating
/// ID frame) and strangers' phones walking between zones, RSSI from log-distance path loss plus Gaussian noise,
/// per-phone advertising intervals with jitter. Produces legacy LE Advertising Report events, per receiver, into
/// the same pipeline as the radio. Deterministic for a seed; time is whatever the caller passes.
/// </summary>
public sealed class StoreSimulator
{
    private readonly SimulatorOptions _options;
    private readonly int _zones;
    private readonly Random _rng;
    private readonly List<SimulatedPhone> _phones = [];
    private readonly byte[] _event = new byte[HciConstants.MaxEventLength];
    private readonly byte[] _advert = new byte[31];

    public StoreSimulator(SimulatorOptions options, int zones, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(zones, 1);
        _options = options;
        _zones = zones;
        _rng = new Random(options.Seed);
        MemberKeys = [];
        for (var i = 0; i < options.Members + options.Strangers; i++)
        {
            var member = i < options.Members;
            byte[]? key = null;
            if (member)
            {
                key = new byte[16];
                _rng.NextBytes(key);
                MemberKeys.Add(new MemberKey($"sim-member-{i:D4}", key));
            }

            var payload = new byte[20];
            _rng.NextBytes(payload);
            payload[0] = 19;
            payload[1] = 0xFF; // manufacturer-specific data of a random company
            var intervalMs = _rng.Next((int)options.MinAdvertisingInterval.TotalMilliseconds, (int)options.MaxAdvertisingInterval.TotalMilliseconds + 1);
            var zone = _rng.Next(zones);
            _phones.Add(new SimulatedPhone
            {
                Address = 0x400000000000UL | (ulong)_rng.NextInt64(1L << 46), // resolvable private addresses
                MemberKey = key,
                StrangerPayload = payload,
                AdvertisingInterval = TimeSpan.FromMilliseconds(intervalMs),
                Position = ZoneCentre(zone),
                TargetZone = zone,
                StayUntil = start + RandomStay(),
                NextAdvert = start + TimeSpan.FromMilliseconds(_rng.Next(intervalMs)),
            });
        }
    }

    /// <summary>The members' keys, to load into the gateway.</summary>
    public List<MemberKey> MemberKeys { get; }

    public long AdvertsEmitted { get; private set; }

    /// <summary>
    /// Gives the member phones the hub's real members' keys (the phones of the members edge-agent knows walk the
    /// store): phone i carries key i; member phones beyond the list carry none and advertise like strangers.
    /// </summary>
    public void AssignMemberKeys(IReadOnlyList<MemberKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        for (var i = 0; i < _options.Members; i++)
        {
            _phones[i].MemberKey = i < keys.Count ? keys[i].Key : null;
        }
    }

    /// <summary>Ground truth: the zone whose centre is nearest member <paramref name="memberIndex"/>.</summary>
    public int TrueZone(int memberIndex) =>
        (int)Math.Clamp(Math.Round(_phones[memberIndex].Position / _options.ZoneSpacingMeters), 0, _zones - 1);

    /// <summary>Moves everyone by one step and emits the adverts due in it: onEvent(receiverIndex, hciEvent, at).</summary>
    public void Step<TSink>(DateTimeOffset from, TSink sink)
        where TSink : ISimulatorSink
    {
        var to = from + _options.Step;
        var window = RotatingId.WindowIndex(from, RotatingId.DefaultWindow);
        foreach (var phone in _phones)
        {
            Walk(phone, from);
            while (phone.NextAdvert < to)
            {
                Advertise(phone, phone.NextAdvert, window, sink);
                var jitter = TimeSpan.FromMilliseconds(_rng.Next(0, 11)); // advDelay 0-10 ms (Vol 6 Part B 4.4.2.2.1)
                phone.NextAdvert += phone.AdvertisingInterval + jitter;
            }
        }
    }

    private void Walk(SimulatedPhone phone, DateTimeOffset now)
    {
        var target = ZoneCentre(phone.TargetZone);
        var distance = target - phone.Position;
        if (Math.Abs(distance) > 0.01)
        {
            var step = _options.WalkingSpeedMetersPerSecond * _options.Step.TotalSeconds;
            phone.Position += Math.Clamp(distance, -step, step);
            if (Math.Abs(target - phone.Position) <= 0.01)
            {
                phone.StayUntil = now + RandomStay();
            }
        }
        else if (now >= phone.StayUntil)
        {
            phone.TargetZone = _rng.Next(_zones);
        }
    }

    private void Advertise<TSink>(SimulatedPhone phone, DateTimeOffset at, long window, TSink sink)
        where TSink : ISimulatorSink
    {
        int length;
        if (phone.MemberKey is not null)
        {
            length = MemberFrame.WriteAdvert(_advert, RotatingId.Compute(phone.MemberKey, window), (sbyte)_options.TxPowerAt1m);
        }
        else
        {
            phone.StrangerPayload.CopyTo(_advert, 0);
            length = phone.StrangerPayload.Length;
        }

        for (var receiver = 0; receiver < _zones; receiver++)
        {
            var d = Math.Max(0.5, Math.Abs(phone.Position - ZoneCentre(receiver)));
            var rssi = _options.TxPowerAt1m - (10 * _options.PathLossExponent * Math.Log10(d)) + (Gaussian() * _options.RssiNoiseDb);
            if (rssi < _options.SensitivityDbm)
            {
                continue;
            }

            var eventLength = AdvertisingReportEncoder.EncodeLegacy(_event, 0x03, new BleAddress(phone.Address, AddressType.Random),
                _advert.AsSpan(0, length), (sbyte)Math.Clamp(Math.Round(rssi), -127, 20));
            AdvertsEmitted++;
            sink.OnSimulatedEvent(receiver, _event.AsSpan(0, eventLength), at);
        }
    }

    private double ZoneCentre(int zone) => zone * _options.ZoneSpacingMeters;

    private TimeSpan RandomStay() => TimeSpan.FromSeconds(_rng.NextDouble() * _options.MaxStay.TotalSeconds);

    private double Gaussian()
    {
        // Box-Muller.
        var u1 = 1.0 - _rng.NextDouble();
        var u2 = _rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
