using Edge.BeaconGateway.Receivers;
using Edge.Contracts.Presence;

namespace Edge.BeaconGateway.Presence;

/// <summary>
/// Turns member sightings into zone presence: one Kalman filter per member and receiver, the zone score is the
/// best fresh filtered RSSI among the zone's receivers, and the zone changes only when a challenger beats the
/// current zone by <see cref="PresenceOptions.ZoneSwitchMarginDb"/> for <see cref="PresenceOptions.ZoneSwitchMinTime"/>.
/// Times come from the sightings (radio or capture) and from the injected <see cref="TimeProvider"/> for the
/// dwell/leave tick. After a member's first sighting, a sighting allocates nothing (unless it causes an event).
/// </summary>
public sealed class PresenceEngine : IDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<string, MemberTrack> _tracks = new(StringComparer.Ordinal);
    private readonly List<string> _leaving = [];
    private readonly PresenceOptions _options;
    private readonly ReceiverMap _receivers;
    private readonly IPresenceSink _sink;
    private readonly TimeProvider _time;
    private readonly float _q;
    private readonly float _r;
    private readonly long _staleTicks;
    private readonly long _switchTicks;
    private ITimer? _timer;

    public PresenceEngine(PresenceOptions options, ReceiverMap receivers, IPresenceSink sink, TimeProvider time)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _receivers = receivers ?? throw new ArgumentNullException(nameof(receivers));
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _q = (float)options.ProcessNoisePerSecond;
        _r = (float)options.MeasurementNoise;
        _staleTicks = options.ReceiverStaleAfter.Ticks;
        _switchTicks = options.ZoneSwitchMinTime.Ticks;
    }

    public int TrackedMembers
    {
        get
        {
            lock (_gate)
            {
                return _tracks.Count;
            }
        }
    }

    /// <summary>Starts the dwell/leave tick on the injected clock.</summary>
    public void Start()
    {
        lock (_gate)
        {
            _timer ??= _time.CreateTimer(_ => Tick(_time.GetUtcNow()), null, _options.TickInterval, _options.TickInterval);
        }
    }

    /// <summary>The member's current zone, or null when absent.</summary>
    public string? CurrentZone(string memberId)
    {
        lock (_gate)
        {
            return _tracks.TryGetValue(memberId, out var t) && t.Zone >= 0 ? _receivers.Zones[t.Zone] : null;
        }
    }

    public void OnSighting(string memberId, int receiverIndex, sbyte rssi, sbyte txPowerAt1m, DateTimeOffset at)
    {
        if ((uint)receiverIndex >= (uint)_receivers.Count || rssi == Hci.HciConstants.RssiNotAvailable)
        {
            return;
        }

        lock (_gate)
        {
            if (!_tracks.TryGetValue(memberId, out var track))
            {
                track = new MemberTrack(memberId, _receivers.Count);
                _tracks.Add(memberId, track);
            }

            var ticks = at.UtcTicks;
            track.Filters[receiverIndex].Update(rssi + _receivers.OffsetOfReceiver[receiverIndex], ticks, _q, _r);
            track.LastSeenTicks = Math.Max(track.LastSeenTicks, ticks);
            track.TxPowerAt1m = txPowerAt1m is 0 or Hci.HciConstants.RssiNotAvailable ? _options.DefaultTxPowerAt1m : txPowerAt1m;
            Evaluate(track, ticks);
        }
    }

    /// <summary>Sends Dwelled and Left events that are due at <paramref name="now"/>.</summary>
    public void Tick(DateTimeOffset now)
    {
        lock (_gate)
        {
            var ticks = now.UtcTicks;
            foreach (var track in _tracks.Values)
            {
                if (ticks - track.LastSeenTicks >= _options.LeaveAfter.Ticks)
                {
                    _leaving.Add(track.MemberId);
                    if (track.Zone >= 0)
                    {
                        _sink.Publish(new MemberLeft(NewId(now), track.MemberId, _receivers.Zones[track.Zone], track.Confidence, now,
                            new DateTimeOffset(track.LastSeenTicks, TimeSpan.Zero)));
                    }
                }
                else if (track.Zone >= 0 && !track.Dwelled && ticks - track.ZoneSinceTicks >= _options.DwellTime.Ticks)
                {
                    track.Dwelled = true;
                    _sink.Publish(new MemberDwelled(NewId(now), track.MemberId, _receivers.Zones[track.Zone], track.Confidence, now,
                        new DateTimeOffset(track.ZoneSinceTicks, TimeSpan.Zero)));
                }
            }

            foreach (var memberId in _leaving)
            {
                _tracks.Remove(memberId);
            }

            _leaving.Clear();
        }
    }

    /// <summary>Forgets a member at once (consent revoked), without an event.</summary>
    public void Forget(string memberId)
    {
        lock (_gate)
        {
            _tracks.Remove(memberId);
        }
    }

    private void Evaluate(MemberTrack track, long ticks)
    {
        Span<float> scores = stackalloc float[_receivers.Zones.Count];
        scores.Fill(float.NegativeInfinity);
        var filters = track.Filters;
        for (var r = 0; r < filters.Length; r++)
        {
            if (filters[r].IsInitialised && ticks - filters[r].LastTicks <= _staleTicks)
            {
                var zone = _receivers.ZoneOfReceiver[r];
                scores[zone] = Math.Max(scores[zone], filters[r].Estimate);
            }
        }

        var best = -1;
        var second = float.NegativeInfinity;
        for (var z = 0; z < scores.Length; z++)
        {
            if (float.IsNegativeInfinity(scores[z]))
            {
                continue;
            }

            if (best < 0 || scores[z] > scores[best])
            {
                if (best >= 0)
                {
                    second = scores[best];
                }

                best = z;
            }
            else if (scores[z] > second)
            {
                second = scores[z];
            }
        }

        if (best < 0)
        {
            return;
        }

        track.Confidence = Confidence(scores[best] - second);
        var at = new DateTimeOffset(ticks, TimeSpan.Zero);
        if (track.Zone < 0)
        {
            track.Zone = best;
            track.ZoneSinceTicks = ticks;
            track.Dwelled = false;
            track.Challenger = -1;
            _sink.Publish(new MemberEntered(NewId(at), track.MemberId, _receivers.Zones[best], track.Confidence, at, Distance(scores[best], track)));
            return;
        }

        if (best == track.Zone || scores[best] < scores[track.Zone] + _options.ZoneSwitchMarginDb)
        {
            track.Challenger = -1;
            return;
        }

        if (track.Challenger != best)
        {
            track.Challenger = best;
            track.ChallengerSinceTicks = ticks;
            return;
        }

        if (ticks - track.ChallengerSinceTicks < _switchTicks)
        {
            return;
        }

        var from = track.Zone;
        track.Zone = best;
        track.ZoneSinceTicks = ticks;
        track.Dwelled = false;
        track.Challenger = -1;
        _sink.Publish(new MemberMoved(NewId(at), track.MemberId, _receivers.Zones[best], track.Confidence, at, _receivers.Zones[from], Distance(scores[best], track)));
    }

    /// <summary>
    /// 0.5 for a tie between the two best zones, rising towards 0.99 as the lead grows (0.81 at one switch
    /// margin, 0.92 at two); 0.99 when only one zone hears the member.
    /// </summary>
    private double Confidence(float lead)
    {
        if (float.IsPositiveInfinity(lead))
        {
            return 0.99;
        }

        var margin = Math.Max(1.0, _options.ZoneSwitchMarginDb);
        return Math.Round(0.5 + (0.49 * (1 - Math.Exp(-lead / margin))), 3);
    }

    private double Distance(float filteredRssi, MemberTrack track) =>
        Math.Round(PathLoss.DistanceMeters(filteredRssi, track.TxPowerAt1m, _options.PathLossExponent), 2);

    private static string NewId(DateTimeOffset at) => Guid.CreateVersion7(at).ToString("N");

    public void Dispose()
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }
}
