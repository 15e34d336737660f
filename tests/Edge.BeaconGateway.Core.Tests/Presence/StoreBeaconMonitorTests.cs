using Edge.BeaconGateway.Advertising;
using Edge.BeaconGateway.Tests.Support;
using Edge.Contracts.Presence;
using Xunit;

namespace Edge.BeaconGateway.Tests.Presence;

public sealed class StoreBeaconMonitorTests
{
    [Fact]
    public void Check_BeaconSilentTooLong_RaisesOneAlarmAndRearmsWhenHeard()
    {
        using var f = new GatewayFixture();
        f.Monitor.Start();
        f.Pipeline.OnHciEvent(HciEvents.Legacy(3, 0, 0xD00D, HciEvents.IBeaconAdvert(GatewayFixture.StoreUuid, 1, 7, -60), -70), f.Clock.GetUtcNow());
        var heardAt = f.Clock.GetUtcNow();

        f.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.DoesNotContain(f.Sink.BeaconEvents, e => e.BeaconId == "door");
        f.Clock.Advance(TimeSpan.FromMinutes(2));
        var alarm = Assert.IsType<StoreBeaconSilent>(Assert.Single(f.Sink.BeaconEvents, e => e.BeaconId == "door"));
        Assert.Equal(heardAt, alarm.LastSeenAt);
        Assert.True(alarm.SilentFor > TimeSpan.FromMinutes(5));
        f.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Single(f.Sink.BeaconEvents, e => e.BeaconId == "door"); // one alarm per silence

        f.Monitor.OnSeen(0, f.Clock.GetUtcNow());
        f.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(2, f.Sink.BeaconEvents.Count(e => e.BeaconId == "door"));
    }

    [Fact]
    public void Check_BeaconNeverHeard_AlarmsWithoutLastSeen()
    {
        using var f = new GatewayFixture();
        f.Monitor.Start();

        f.Clock.Advance(TimeSpan.FromMinutes(6));

        var alarms = f.Sink.BeaconEvents.OfType<StoreBeaconSilent>().ToList();
        Assert.Equal(["door", "till"], alarms.Select(a => a.BeaconId).Order());
        Assert.All(alarms, a => Assert.Null(a.LastSeenAt));
    }

    [Fact]
    public void Pipeline_EddystoneTlmFromConfiguredAddress_PublishesTelemetryRateLimited()
    {
        using var f = new GatewayFixture();
        byte[] tlm = [0x11, 0x16, 0xAA, 0xFE, 0x20, 0x00, 0x0B, 0xB8, 0x17, 0x80, 0, 0, 0, 1, 0, 0, 0, 2];

        for (var i = 0; i < 5; i++)
        {
            f.Pipeline.OnHciEvent(HciEvents.Legacy(3, 0, 0xC000000000AA, tlm, -70), f.Clock.GetUtcNow());
            f.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var telemetry = Assert.IsType<StoreBeaconTelemetry>(Assert.Single(f.Sink.BeaconEvents));
        Assert.Equal(("till", 3000, 23.5), (telemetry.BeaconId, telemetry.BatteryMillivolts, telemetry.TemperatureCelsius));
        Assert.True(EddystoneTlm.TryParse(tlm.AsSpan(4), out _));
        Assert.NotNull(f.Monitor.LastSeen(1));
    }
}
