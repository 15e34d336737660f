using Edge.BeaconGateway.Presence;
using Edge.BeaconGateway.Tests.Support;
using Edge.Contracts.Presence;
using Xunit;

namespace Edge.BeaconGateway.Tests.Presence;

public sealed class PresenceEngineTests
{
    private const int Hub = 0;
    private const int Dairy = 1;
    private const int Bakery = 2;

    private static PresenceOptions Options() => new()
    {
        ZoneSwitchMarginDb = 4,
        ZoneSwitchMinTime = TimeSpan.FromSeconds(3),
        DwellTime = TimeSpan.FromSeconds(60),
        LeaveAfter = TimeSpan.FromSeconds(30),
        ReceiverStaleAfter = TimeSpan.FromSeconds(10),
        MeasurementNoise = 4,
        ProcessNoisePerSecond = 50,
    };

    /// <summary>One sighting per receiver per second for <paramref name="seconds"/>, advancing the fake clock.</summary>
    private static void Walk(GatewayFixture f, int seconds, params (int Receiver, sbyte Rssi)[] readings)
    {
        for (var s = 0; s < seconds; s++)
        {
            foreach (var (receiver, rssi) in readings)
            {
                f.Presence.OnSighting("m1", receiver, rssi, -59, f.Clock.GetUtcNow());
            }

            f.Clock.Advance(TimeSpan.FromSeconds(1));
        }
    }

    [Fact]
    public void OnSighting_FirstSighting_EntersStrongestZoneWithDistance()
    {
        using var f = new GatewayFixture(options: Options());

        f.Presence.OnSighting("m1", Dairy, -59, -59, f.Clock.GetUtcNow());

        var entered = Assert.IsType<MemberEntered>(Assert.Single(f.Sink.Events));
        Assert.Equal(("m1", "dairy"), (entered.MemberId, entered.Zone));
        Assert.Equal(1.0, entered.DistanceMeters);
        Assert.Equal(0.99, entered.Confidence); // only one zone hears the member
        Assert.Equal(f.Clock.GetUtcNow(), entered.OccurredAt);
        Assert.Equal(32, entered.EventId.Length);
    }

    [Fact]
    public void OnSighting_ChallengerBelowMargin_NeverMoves()
    {
        using var f = new GatewayFixture(options: Options());
        Walk(f, 2, (Hub, -70));

        Walk(f, 30, (Hub, -70), (Dairy, -67)); // 3 dB better: under the 4 dB margin

        Assert.Single(f.Sink.Events);
        Assert.Equal("entrance", f.Presence.CurrentZone("m1"));
    }

    [Fact]
    public void OnSighting_ChallengerBeyondMarginForMinTime_MovesOnce()
    {
        using var f = new GatewayFixture(options: Options());
        Walk(f, 2, (Hub, -60));

        Walk(f, 3, (Hub, -75), (Dairy, -55));
        Assert.Equal("entrance", f.Presence.CurrentZone("m1")); // filters still converging / not yet 3 s ahead
        Walk(f, 5, (Hub, -75), (Dairy, -55));

        var moved = Assert.IsType<MemberMoved>(f.Sink.Events[^1]);
        Assert.Equal(("entrance", "dairy"), (moved.FromZone, moved.Zone));
        Assert.InRange(moved.Confidence, 0.9, 0.99);
        Assert.Equal(2, f.Sink.Events.Count);
    }

    [Fact]
    public void OnSighting_ShortSpikesFromAnotherZone_DoNotMove()
    {
        using var f = new GatewayFixture(options: Options());
        Walk(f, 5, (Hub, -60));

        for (var i = 0; i < 10; i++)
        {
            Walk(f, 1, (Hub, -60), (Bakery, -50)); // a 1-second spike, then back
            Walk(f, 2, (Hub, -60), (Bakery, -75));
        }

        Assert.Single(f.Sink.Events);
    }

    [Fact]
    public void OnSighting_IncumbentReceiverGoesStale_ChallengerTakesOverAfterMinTime()
    {
        using var f = new GatewayFixture(options: Options());
        Walk(f, 2, (Hub, -50));

        Walk(f, 15, (Bakery, -85)); // the hub no longer hears the member at all

        Assert.Equal("bakery", f.Presence.CurrentZone("m1"));
    }

    [Fact]
    public void Tick_AfterDwellTime_SendsDwelledOnce()
    {
        using var f = new GatewayFixture(options: Options());
        f.Presence.Start();
        var entered = f.Clock.GetUtcNow();

        Walk(f, 59, (Dairy, -60));
        Assert.DoesNotContain(f.Sink.Events, e => e is MemberDwelled);
        Walk(f, 20, (Dairy, -60));

        var dwelled = Assert.IsType<MemberDwelled>(Assert.Single(f.Sink.Events, e => e is MemberDwelled));
        Assert.Equal(("dairy", entered), (dwelled.Zone, dwelled.Since));
    }

    [Fact]
    public void Tick_SilenceLongerThanLeaveAfter_SendsLeftAndForgets()
    {
        using var f = new GatewayFixture(options: Options());
        f.Presence.Start();
        Walk(f, 3, (Bakery, -60));
        var lastSeen = f.Clock.GetUtcNow().AddSeconds(-1);

        f.Clock.Advance(TimeSpan.FromSeconds(28));
        Assert.DoesNotContain(f.Sink.Events, e => e is MemberLeft);
        f.Clock.Advance(TimeSpan.FromSeconds(3));

        var left = Assert.IsType<MemberLeft>(f.Sink.Events[^1]);
        Assert.Equal(("bakery", lastSeen), (left.Zone, left.LastSeenAt));
        Assert.Equal(0, f.Presence.TrackedMembers);

        Walk(f, 1, (Hub, -60)); // back again: a fresh Entered
        Assert.IsType<MemberEntered>(f.Sink.Events[^1]);
    }

    [Fact]
    public void OnSighting_UnknownReceiverOrRssiNotAvailable_IsIgnored()
    {
        using var f = new GatewayFixture(options: Options());

        f.Presence.OnSighting("m1", 17, -60, -59, f.Clock.GetUtcNow());
        f.Presence.OnSighting("m1", -1, -60, -59, f.Clock.GetUtcNow());
        f.Presence.OnSighting("m1", Hub, 127, -59, f.Clock.GetUtcNow());

        Assert.Empty(f.Sink.Events);
        Assert.Equal(0, f.Presence.TrackedMembers);
    }

    [Fact]
    public void OnSighting_KnownMember_AllocatesNothing()
    {
        using var f = new GatewayFixture(options: Options());
        var at = f.Clock.GetUtcNow();
        f.Presence.OnSighting("m1", Hub, -60, -59, at);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            f.Presence.OnSighting("m1", Hub, (sbyte)(-60 - (i % 3)), -59, at.AddMilliseconds(i));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void KalmanRssiFilter_NoisyConstantSignal_ConvergesAndSmooths()
    {
        var rng = new Random(3);
        var filter = default(KalmanRssiFilter);
        var errors = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            var noisy = -70 + ((rng.NextDouble() - 0.5) * 16); // ±8 dB
            filter.Update((float)noisy, i * TimeSpan.TicksPerSecond, 0.5f, 25f);
            if (i > 50)
            {
                errors.Add(Math.Abs(filter.Estimate + 70));
            }
        }

        Assert.True(errors.Max() < 3.0, $"max error {errors.Max():F2} dB");
    }

    [Theory]
    [InlineData(-59, -59, 2.0, 1.0)]
    [InlineData(-79, -59, 2.0, 10.0)]
    [InlineData(-84, -59, 2.5, 10.0)]
    public void PathLoss_LogDistance_MatchesModel(double rssi, double tx, double n, double expected)
    {
        Assert.Equal(expected, PathLoss.DistanceMeters(rssi, tx, n), 6);
    }
}
