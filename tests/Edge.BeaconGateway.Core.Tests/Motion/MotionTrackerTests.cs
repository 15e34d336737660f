using Edge.BeaconGateway.Motion;
using Edge.Contracts.Motion;
using Edge.TestKit;

namespace Edge.BeaconGateway.Tests.Motion;

/// <summary>Zone motion and footfall on a fake clock. Bad input tried: an edge from a sensor nobody configured.</summary>
public sealed class MotionTrackerTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingPublisher _published = new();
    private readonly MotionTracker _tracker;

    public MotionTrackerTests()
    {
        var options = new MotionOptions
        {
            HoldTime = TimeSpan.FromSeconds(30),
            FootfallInterval = TimeSpan.FromMinutes(15),
            Sensors =
            [
                new MotionSensorOptions { Id = "pir-door-1", Line = 4, Zone = "entrance" },
                new MotionSensorOptions { Id = "pir-door-2", Line = 5, Zone = "entrance" },
                new MotionSensorOptions { Id = "pir-tv", Line = 6, Zone = "electronics" },
            ],
        };
        _tracker = new MotionTracker(options, _published, _time);
    }

    [Fact]
    public void OnEdge_TwoSensorsOfOneZone_ZoneWakesOnceWithOneOnset()
    {
        _tracker.OnEdge(new MotionEdge("pir-door-1", true, _time.GetUtcNow()));
        _tracker.OnEdge(new MotionEdge("pir-door-2", true, _time.GetUtcNow()));

        var motion = Assert.Single(_published.Motions);
        Assert.Equal(new ZoneMotion("entrance", true, _time.GetUtcNow()), motion);
    }

    [Fact]
    public void Hold_MotionEndedAndHoldElapsed_ZoneGoesQuietOnce()
    {
        _tracker.OnEdge(new MotionEdge("pir-tv", true, _time.GetUtcNow()));
        _time.Advance(TimeSpan.FromSeconds(5));
        _tracker.OnEdge(new MotionEdge("pir-tv", false, _time.GetUtcNow()));

        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Single(_published.Motions); // still within the hold after the last motion
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal([true, false], _published.Motions.Select(m => m.Active));
        Assert.Equal("electronics", _published.Motions[1].Zone);
    }

    [Fact]
    public void Hold_SensorStillHigh_ZoneStaysActivePastTheHold()
    {
        _tracker.OnEdge(new MotionEdge("pir-door-1", true, _time.GetUtcNow()));
        _time.Advance(TimeSpan.FromMinutes(2)); // someone stands at the door: the PIR keeps its output high

        Assert.Single(_published.Motions);
    }

    [Fact]
    public void Footfall_EveryInterval_CountsOnsetsPerZoneIncludingZeroAndResets()
    {
        for (var visitor = 0; visitor < 3; visitor++)
        {
            _tracker.OnEdge(new MotionEdge("pir-door-1", true, _time.GetUtcNow()));
            _tracker.OnEdge(new MotionEdge("pir-door-1", false, _time.GetUtcNow()));
            _time.Advance(TimeSpan.FromMinutes(1)); // longer than the hold: each visitor is an onset
        }

        _time.Advance(TimeSpan.FromMinutes(12));
        _time.Advance(TimeSpan.FromMinutes(15));

        Assert.Equal(
            [("entrance", 3), ("electronics", 0), ("entrance", 0), ("electronics", 0)],
            _published.Footfalls.Select(f => (f.Zone, f.Count)));
        Assert.Equal(TimeSpan.FromMinutes(15), _published.Footfalls[0].To - _published.Footfalls[0].From);
    }

    [Fact]
    public void OnEdge_UnknownSensor_CountedAndIgnored()
    {
        _tracker.OnEdge(new MotionEdge("pir-miswired", true, _time.GetUtcNow()));

        Assert.Equal(1, _tracker.UnknownSensorEdges);
        Assert.Empty(_published.Motions);
    }

    public void Dispose() => _tracker.Dispose();

    private sealed class RecordingPublisher : IMotionPublisher
    {
        public List<ZoneMotion> Motions { get; } = [];

        public List<ZoneFootfall> Footfalls { get; } = [];

        public void Publish(ZoneMotion motion) => Motions.Add(motion);

        public void Publish(ZoneFootfall footfall) => Footfalls.Add(footfall);
    }
}
