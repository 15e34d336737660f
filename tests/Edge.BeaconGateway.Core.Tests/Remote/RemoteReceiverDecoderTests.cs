using System.Text;
using Edge.BeaconGateway.Hci;
using Edge.BeaconGateway.Remote;
using Edge.BeaconGateway.Tests.Support;
using Edge.Contracts.Presence;
using Xunit;

namespace Edge.BeaconGateway.Tests.Remote;

public sealed class RemoteReceiverDecoderTests
{
    private static RemoteReceiverDecoder Decoder(GatewayFixture f) => new(f.Pipeline, f.Receivers, f.Beacons, f.Monitor);

    [Fact]
    public void Handle_RawRelayWithMemberAdvert_PlacesMemberInRelaysZone()
    {
        using var f = new GatewayFixture();
        var json = $$"""{"mac":"4A:00:00:00:00:01","addrType":1,"rssi":-61,"data":"{{Convert.ToHexString(f.MemberAdvert(1))}}"}""";

        Assert.True(Decoder(f).Handle("store/ble/raw/esp-dairy", Encoding.UTF8.GetBytes(json), f.Clock.GetUtcNow()));

        var entered = Assert.IsType<MemberEntered>(Assert.Single(f.Sink.Events));
        Assert.Equal(("member-000001", "dairy"), (entered.MemberId, entered.Zone));
    }

    [Fact]
    public void Handle_RawRelayWithStranger_DropsWithoutEvent()
    {
        using var f = new GatewayFixture();
        var json = """{"mac":"7B:11:22:33:44:55","addrType":1,"rssi":-61,"data":"0201060AFF4C0010050B1C6D9E0F"}""";

        Assert.True(Decoder(f).Handle("store/ble/raw/esp-dairy", Encoding.UTF8.GetBytes(json), f.Clock.GetUtcNow()));

        Assert.Empty(f.Sink.Events);
        Assert.Equal(1, f.Pipeline.StrangerAdverts);
    }

    [Fact]
    public void Handle_EspresenseReportOfStoreIBeacon_MarksBeaconSeen()
    {
        using var f = new GatewayFixture();
        var decoder = Decoder(f);
        var json = """{"id":"iBeacon:e2c56db5-dffb-48d2-b060-d0f5a71096e0-1-7","rssi@1m":-59,"rssi":-72,"distance":2.3}""";

        Assert.True(decoder.Handle("espresense/devices/iBeacon:e2c56db5-dffb-48d2-b060-d0f5a71096e0-1-7/hub", Encoding.UTF8.GetBytes(json), f.Clock.GetUtcNow()));
        Assert.True(decoder.Handle("espresense/devices/apple:1005:9-26/hub", """{"id":"apple:1005:9-26","rssi":-80}"""u8, f.Clock.GetUtcNow()));

        Assert.Equal(f.Clock.GetUtcNow(), f.Monitor.LastSeen(0));
        Assert.Equal(1, decoder.IgnoredDeviceReports);
    }

    [Theory]
    [InlineData("store/ble/raw/unknown-receiver", """{"mac":"4A:00:00:00:00:01","rssi":-61,"data":"020106"}""", MalformedReason.RemoteBadTopic)]
    [InlineData("espresense/devices/x", """{"id":"x","rssi":-61}""", MalformedReason.RemoteBadTopic)]
    [InlineData("espresense/devices/x/nowhere", """{"id":"x","rssi":-61}""", MalformedReason.RemoteBadTopic)]
    [InlineData("other/topic", "{}", MalformedReason.RemoteBadTopic)]
    [InlineData("store/ble/raw/hub", """{"mac":"4A:00:00:00:00:01","rssi":-61,"data":"02010""", MalformedReason.RemoteBadJson)] // cut JSON
    [InlineData("store/ble/raw/hub", "not json", MalformedReason.RemoteBadJson)]
    [InlineData("store/ble/raw/hub", """{"mac":"4A:00:00:00:00:01","data":"020106"}""", MalformedReason.RemoteBadJson)] // no rssi
    [InlineData("store/ble/raw/hub", """{"mac":"zz","rssi":-61,"data":"020106"}""", MalformedReason.RemoteBadJson)] // bad mac
    [InlineData("store/ble/raw/hub", """{"mac":"4A:00:00:00:00:01","rssi":-61,"data":"02010"}""", MalformedReason.RemoteBadHex)] // odd length
    [InlineData("store/ble/raw/hub", """{"mac":"4A:00:00:00:00:01","rssi":-61,"data":"0201XY"}""", MalformedReason.RemoteBadHex)]
    [InlineData("espresense/devices/x/hub", """{"rssi":-61}""", MalformedReason.RemoteBadJson)] // no id
    [InlineData("espresense/devices/x/hub", "[1,2]", MalformedReason.RemoteBadJson)]
    public void Handle_BadMessage_CountsReasonNeverThrows(string topic, string payload, MalformedReason expected)
    {
        using var f = new GatewayFixture();

        Assert.False(Decoder(f).Handle(topic, Encoding.UTF8.GetBytes(payload), f.Clock.GetUtcNow()));

        Assert.Equal(1, f.Parser.Counters[expected]);
        Assert.Empty(f.Sink.Events);
    }
}
