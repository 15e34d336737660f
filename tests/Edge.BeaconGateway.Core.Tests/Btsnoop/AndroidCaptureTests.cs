using System.Buffers.Binary;
using Edge.BeaconGateway.Advertising;
using Edge.BeaconGateway.Btsnoop;
using Edge.BeaconGateway.Hci;
using Edge.TestKit;
using Xunit;

namespace Edge.BeaconGateway.Tests.Btsnoop;

/// <summary>
/// A real Android HCI capture we did not write. The expected figures were computed once, independently of this
/// code, by a throw-away Python 3 script using only struct/collections: it walked the 16-byte header and
/// 24-byte big-endian record headers, counted H4 commands by opcode, parsed LE Meta subevent 0x0D reports at the
/// offsets of Core Vol 4 Part E 7.7.65.13 (RSSI at report offset 13, data length at 23), and walked AD
/// structures (length 0 ends; a length past the end stops the walk) looking for 4C 00 02 15.
/// </summary>
public sealed class AndroidCaptureTests
{
    private const string Capture = "ble/btsnoop/android-ext-scan-ibeacons.btsnoop";

    [RequiresSharedDataFact(Capture)]
    public void Reader_AndroidCapture_ReproducesIndependentCounts()
    {
        using var reader = new BtsnoopReader(File.OpenRead(Path.Combine(ExternalTools.SharedData!, Capture)));
        var parser = new HciEventParser();
        var stats = new CaptureStats();
        var opcodes = new Dictionary<ushort, int>();
        var directions = new int[4];
        DateTimeOffset? first = null;

        while (reader.TryReadNext(out var record))
        {
            first ??= record.Timestamp;
            directions[record.Flags & 3]++;
            if (record.PacketType == HciPacketType.Command)
            {
                var opcode = BinaryPrimitives.ReadUInt16LittleEndian(record.Packet);
                opcodes[opcode] = opcodes.GetValueOrDefault(opcode) + 1;
            }
            else if (record.PacketType == HciPacketType.Event)
            {
                parser.Parse(record.Packet, ref stats);
            }
        }

        Assert.Equal(BtsnoopDatalink.H4, reader.Datalink);
        Assert.Equal(7_250, reader.RecordsRead);
        Assert.Equal([3_906, 961, 131, 2_252], directions);
        Assert.Equal(new DateTimeOffset(2022, 3, 8, 13, 17, 35, TimeSpan.Zero).AddTicks(9_232_450), first);
        Assert.Equal(16, opcodes[HciConstants.OpLeSetExtendedScanParameters]);
        Assert.Equal(16, opcodes[HciConstants.OpLeSetExtendedScanEnable]);
        Assert.Equal(465, stats.ExtendedReports);
        Assert.Equal(0, stats.LegacyReports);
        Assert.Equal(287, stats.Addresses.Count);
        Assert.Equal(240, stats.Addresses.Count(a => a.Type == AddressType.Random));
        Assert.Equal((-95, -32), (stats.MinRssi, stats.MaxRssi));
        Assert.Equal(120, stats.MalformedAdverts);

        Assert.Equal(8, stats.IBeacons.Count);
        Assert.All(stats.IBeacons, b => Assert.Equal("FDA50693-A4E2-4FB1-AFCF-C6EB07647825", b.Frame.ProximityUuid.ToString()));
        Assert.Equal([-64, -59, -57, -56], stats.IBeacons.Select(b => (int)b.Frame.MeasuredPower).Distinct().Order());
        Assert.Equal(
            [(100, 19641), (102, 19641), (10240, 180), (39144, 6686), (43240, 6545), (43240, 6694)],
            stats.IBeacons.Select(b => ((int)b.Frame.Major, (int)b.Frame.Minor)).Distinct().Order());
        Assert.Equal(6, stats.IBeacons.Select(b => b.Address).Distinct().Count());
        Assert.Equal((-87, -76), (stats.IBeacons.Min(b => b.Rssi), stats.IBeacons.Max(b => b.Rssi)));

        // Subevents this gateway does not decode (0x03, 0x04, 0x07, 0x0A, 0x14) are counted, nothing else is.
        Assert.Equal(12, parser.Counters[MalformedReason.UnknownLeSubevent]);
        Assert.Equal(12, parser.Counters.Total);
        Assert.Equal(0, reader.Counters.Total);
    }

    private struct CaptureStats : IAdvertisingReportHandler
    {
        public CaptureStats()
        {
        }

        public int ExtendedReports;
        public int LegacyReports;
        public int MalformedAdverts;
        public int MinRssi = int.MaxValue;
        public int MaxRssi = int.MinValue;

        public HashSet<BleAddress> Addresses { get; } = [];

        public List<(BleAddress Address, int Rssi, IBeaconFrame Frame)> IBeacons { get; } = [];

        public void OnAdvertisingReport(in AdvertisingReport report)
        {
            if (report.IsExtended)
            {
                ExtendedReports++;
            }
            else
            {
                LegacyReports++;
            }

            Addresses.Add(report.Address);
            MinRssi = Math.Min(MinRssi, report.Rssi);
            MaxRssi = Math.Max(MaxRssi, report.Rssi);
            if (!AdvertisingData.IsWellFormed(report.Data))
            {
                MalformedAdverts++;
            }

            if (IBeaconFrame.TryParse(report.Data, out var frame))
            {
                IBeacons.Add((report.Address, report.Rssi, frame));
            }
        }
    }
}
