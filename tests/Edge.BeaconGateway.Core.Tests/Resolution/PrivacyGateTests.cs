using Edge.BeaconGateway.Advertising;
using Edge.BeaconGateway.Btsnoop;
using Edge.BeaconGateway.Hci;
using Edge.BeaconGateway.Members;
using Edge.BeaconGateway.Resolution;
using Edge.BeaconGateway.Tests.Support;
using Xunit;

namespace Edge.BeaconGateway.Tests.Resolution;

public sealed class PrivacyGateTests
{
    [Fact]
    public void Classify_MemberFrameOfEachToleratedWindow_ResolvesMember()
    {
        using var f = new GatewayFixture();

        foreach (var offset in new[] { -1, 0, 1 })
        {
            var verdict = f.Gate.Classify(f.MemberAdvert(2, windowOffset: offset), new BleAddress(0x4A, AddressType.Random));
            Assert.Equal(AdvertKind.Member, verdict.Kind);
            Assert.Equal("member-000002", verdict.MemberId);
            Assert.Equal(-59, verdict.TxPowerAt1m);
        }

        Assert.Equal(AdvertKind.Stranger, f.Gate.Classify(f.MemberAdvert(2, windowOffset: 2), default).Kind);
    }

    [Fact]
    public void Classify_ConfiguredIBeaconAndEddystone_AreStoreBeacons()
    {
        using var f = new GatewayFixture();
        byte[] uid = [0x17, 0x16, 0xAA, 0xFE, 0x00, 0xEE, 0xED, 0xD1, 0xEB, 0xEA, 0xC0, 0x4E, 0x5D, 0xEF, 0xA0, 0x17, 0, 0, 0, 0, 0, 0xAA, 0, 0];
        byte[] tlm = [0x11, 0x16, 0xAA, 0xFE, 0x20, 0x00, 0x0B, 0xB8, 0x17, 0x80, 0, 0, 0, 1, 0, 0, 0, 2];

        Assert.Equal(new Classification(AdvertKind.StoreBeacon, 0, -60, default), f.Gate.Classify(HciEvents.IBeaconAdvert(GatewayFixture.StoreUuid, 1, 7, -60), default));
        Assert.Equal(AdvertKind.Stranger, f.Gate.Classify(HciEvents.IBeaconAdvert(GatewayFixture.StoreUuid, 1, 8, -60), default).Kind);
        Assert.Equal(AdvertKind.StoreBeacon, f.Gate.Classify(uid, default).Kind);
        var telemetry = f.Gate.Classify(tlm, BleAddress.Parse("C0:00:00:00:00:AA", AddressType.Public));
        Assert.Equal(AdvertKind.StoreBeaconTelemetry, telemetry.Kind);
        Assert.Equal(3000, telemetry.Telemetry.BatteryMillivolts);
        Assert.Equal(AdvertKind.Stranger, f.Gate.Classify(tlm, BleAddress.Parse("C0:00:00:00:00:AB", AddressType.Public)).Kind);
    }

    [Fact]
    public void Classify_OurUuidWithUnknownVersion_CountsBadLayoutAsAggregate()
    {
        using var f = new GatewayFixture();
        var advert = f.MemberAdvert(0);
        advert[7] = 0x02;

        Assert.Equal(AdvertKind.Stranger, f.Gate.Classify(advert, default).Kind);
        Assert.Equal(1, f.Parser.Counters[MalformedReason.MemberFrameBadLayout]);
    }

    /// <summary>
    /// The privacy rule end to end: members and strangers share HCI events (extended reports with several adverts
    /// each); record mode is on. Strangers include foreign iBeacons, phones sending our frame with keys this store
    /// does not hold, Eddystone beacons of others and arbitrary manufacturer data. Afterwards no stranger's address
    /// or payload is in the recording, the events, or the presence state; only the aggregate count grew.
    /// </summary>
    [Fact]
    public void Pipeline_StrangersAmongMembers_LeaveNoTraceAnywhere()
    {
        using var f = new GatewayFixture(members: 5);
        using var recording = new MemoryStream();
        f.Pipeline.Recorder = new BtsnoopRecorder(new BtsnoopWriter(recording, leaveOpen: true));
        var rng = new Random(1234);
        var strangerAddresses = new List<byte[]>();
        var strangerPayloads = new List<byte[]>();
        var strangerReports = 0;

        for (var round = 0; round < 20; round++)
        {
            var reports = new List<ExtendedReport>();
            for (var m = 0; m < 5; m++)
            {
                reports.Add(new ExtendedReport(0x4A0000000000UL + (uint)m, f.MemberAdvert(m), Rssi: (sbyte)(-50 - m)));
            }

            for (var s = 0; s < 10; s++)
            {
                var address = 0x7B0000000000UL + (ulong)rng.NextInt64(1, 1L << 40);
                var payload = StrangerPayload(rng, s % 4);
                strangerAddresses.Add(HciEvents.AddressBytes(address));
                strangerPayloads.Add(payload);
                reports.Add(new ExtendedReport(address, payload, Rssi: (sbyte)rng.Next(-95, -30)));
                strangerReports++;
            }

            foreach (var chunk in reports.OrderBy(_ => rng.Next()).Chunk(3))
            {
                f.Pipeline.OnHciEvent(HciEvents.Extended(chunk), f.Clock.GetUtcNow());
            }

            f.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        f.Pipeline.Recorder.Dispose();
        var bytes = recording.ToArray();
        foreach (var address in strangerAddresses)
        {
            Assert.Equal(-1, bytes.AsSpan().IndexOf(address));
        }

        foreach (var payload in strangerPayloads)
        {
            Assert.Equal(-1, bytes.AsSpan().IndexOf(payload.AsSpan(0, Math.Min(12, payload.Length))));
        }

        Assert.Equal(100, f.Pipeline.MemberAdverts);
        Assert.Equal(strangerReports, f.Pipeline.StrangerAdverts);
        Assert.Equal(5, f.Presence.TrackedMembers);
        Assert.All(f.Sink.Events, e => Assert.StartsWith("member-", e.MemberId, StringComparison.Ordinal));
        Assert.Equal(5, f.Sink.Events.Count); // one Entered per member, nothing else

        // The recording holds exactly the members' 100 adverts, each re-encoded alone.
        recording.Position = 0;
        using var reader = new BtsnoopReader(recording);
        var collected = new CollectingHandler();
        var parser = new HciEventParser();
        while (reader.TryReadNext(out var record))
        {
            parser.Parse(record.Packet, ref collected);
        }

        Assert.Equal(100, collected.Reports.Count);
        Assert.All(collected.Reports, r => Assert.Equal(0x4A0000000000UL, r.Address.Value & 0xFFFF00000000UL));
    }

    private static byte[] StrangerPayload(Random rng, int kind)
    {
        switch (kind)
        {
            case 0:
                return HciEvents.IBeaconAdvert(Guid.NewGuid().ToString(), (ushort)rng.Next(), (ushort)rng.Next(), -59);
            case 1:
                var foreign = new byte[MemberFrame.AdvertLength];
                var key = new byte[16];
                rng.NextBytes(key);
                MemberFrame.WriteAdvert(foreign, RotatingId.Compute(key, RotatingId.WindowIndex(new DateTimeOffset(2026, 11, 23, 9, 1, 0, TimeSpan.Zero), RotatingId.DefaultWindow)), -60);
                return foreign;
            case 2:
                byte[] uid = [0x17, 0x16, 0xAA, 0xFE, 0x00, 0xEE, .. new byte[18]];
                rng.NextBytes(uid.AsSpan(6));
                return uid;
            default:
                byte[] data = [0x02, AdType.Flags, 0x06, 0x0D, AdType.ManufacturerSpecificData, .. new byte[12]];
                rng.NextBytes(data.AsSpan(5));
                return data;
        }
    }
}
