using System.Text.Json;
using Edge.Contracts.Presence;
using Xunit;

namespace Edge.BeaconGateway.Tests.Presence;

public sealed class PresenceContractsTests
{
    [Fact]
    public void Serialize_MovedEvent_HasTypeDiscriminatorAndRoundTrips()
    {
        PresenceEvent moved = new MemberMoved("e1", "m1", "dairy", 0.87, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), "entrance", 2.5);

        var json = JsonSerializer.Serialize(moved, PresenceJsonContext.Default.PresenceEvent);
        var back = JsonSerializer.Deserialize(json, PresenceJsonContext.Default.PresenceEvent);

        Assert.StartsWith("{\"type\":\"moved\"", json, StringComparison.Ordinal);
        Assert.Contains("\"fromZone\":\"entrance\"", json, StringComparison.Ordinal);
        Assert.Equal(moved, back);
        Assert.Equal("store/presence/members/moved", PresenceTopics.For(moved));
    }

    [Fact]
    public void Serialize_BeaconSilent_RoundTrips()
    {
        StoreBeaconEvent silent = new StoreBeaconSilent("e2", "door", new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), null, TimeSpan.FromMinutes(6));

        var json = JsonSerializer.Serialize(silent, PresenceJsonContext.Default.StoreBeaconEvent);

        Assert.Equal(silent, JsonSerializer.Deserialize(json, PresenceJsonContext.Default.StoreBeaconEvent));
        Assert.Equal("store/presence/beacons/silent", PresenceTopics.For(silent));
    }
}
