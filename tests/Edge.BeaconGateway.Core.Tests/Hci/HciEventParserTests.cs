using Edge.BeaconGateway.Advertising;
using Edge.BeaconGateway.Hci;
using Edge.BeaconGateway.Tests.Support;
using Xunit;

namespace Edge.BeaconGateway.Tests.Hci;

public sealed class HciEventParserTests
{
    private const string Uuid = "FDA50693-A4E2-4FB1-AFCF-C6EB07647825";

    [Fact]
    public void Parse_LegacyIBeaconReport_DecodesAddressRssiAndPayload()
    {
        var parser = new HciEventParser();
        var handler = new CollectingHandler();
        var evt = HciEvents.Legacy(0x03, 0x00, 0xC0FFEE123456, HciEvents.IBeaconAdvert(Uuid, 100, 19641, -59), -71);

        var outcome = parser.Parse(evt, ref handler);

        Assert.Equal(HciParseOutcome.Advertising, outcome);
        var report = Assert.Single(handler.Reports);
        Assert.False(report.IsExtended);
        Assert.Equal("C0:FF:EE:12:34:56", report.Address.ToString());
        Assert.Equal(AddressType.Public, report.Address.Type);
        Assert.Equal(-71, report.Rssi);
        Assert.True(IBeaconFrame.TryParse(report.Data, out var ibeacon));
        Assert.Equal(Uuid, ibeacon.ProximityUuid.ToString());
        Assert.Equal((100, 19641, -59), (ibeacon.Major, ibeacon.Minor, (int)ibeacon.MeasuredPower));
        Assert.Equal(0, parser.Counters.Total);
    }

    [Fact]
    public void Parse_ExtendedReportComplete_DeliversAtOnce()
    {
        var parser = new HciEventParser();
        var handler = new CollectingHandler();
        var data = HciEvents.IBeaconAdvert(Uuid, 1, 2, -60);

        var outcome = parser.Parse(HciEvents.Extended(new ExtendedReport(0x4A0102030405, data, Rssi: -42, TxPower: -8)), ref handler);

        Assert.Equal(HciParseOutcome.Advertising, outcome);
        var report = Assert.Single(handler.Reports);
        Assert.True(report.IsExtended);
        Assert.Equal(-42, report.Rssi);
        Assert.Equal(-8, report.TxPower);
        Assert.Equal(data, report.Data);
        Assert.Equal(RandomAddressKind.ResolvablePrivate, report.Address.RandomKind);
    }

    [Fact]
    public void Parse_ExtendedReportInThreeFragments_ReassemblesInOrder()
    {
        var parser = new HciEventParser();
        var handler = new CollectingHandler();
        var data = Enumerable.Range(0, 600).Select(i => (byte)i).ToArray();

        parser.Parse(HciEvents.Extended(new ExtendedReport(7, data[..229], DataStatus: 1)), ref handler);
        parser.Parse(HciEvents.Extended(new ExtendedReport(7, data[229..458], DataStatus: 1)), ref handler);
        Assert.Empty(handler.Reports);
        Assert.Equal(1, parser.PendingFragments);
        parser.Parse(HciEvents.Extended(new ExtendedReport(7, data[458..], DataStatus: 0, Rssi: -50)), ref handler);

        var report = Assert.Single(handler.Reports);
        Assert.Equal(data, report.Data);
        Assert.Equal(-50, report.Rssi);
        Assert.Equal(0, parser.PendingFragments);
    }

    [Fact]
    public void Parse_InterleavedFragmentsFromTwoAdvertisers_KeepsThemApart()
    {
        var parser = new HciEventParser();
        var handler = new CollectingHandler();

        parser.Parse(HciEvents.Extended(new ExtendedReport(1, [1, 1], DataStatus: 1), new ExtendedReport(2, [2, 2], DataStatus: 1)), ref handler);
        parser.Parse(HciEvents.Extended(new ExtendedReport(2, [2], DataStatus: 0), new ExtendedReport(1, [1], DataStatus: 0)), ref handler);

        Assert.Equal([2, 2, 2], handler.Reports[0].Data);
        Assert.Equal([1, 1, 1], handler.Reports[1].Data);
    }

    [Fact]
    public void Parse_FragmentTruncatedByController_DropsAdvertAndCounts()
    {
        var parser = new HciEventParser();
        var handler = new CollectingHandler();

        parser.Parse(HciEvents.Extended(new ExtendedReport(9, [1, 2, 3], DataStatus: 1)), ref handler);
        var outcome = parser.Parse(HciEvents.Extended(new ExtendedReport(9, [4], DataStatus: 2)), ref handler);

        Assert.Equal(HciParseOutcome.Malformed, outcome);
        Assert.Empty(handler.Reports);
        Assert.Equal(1, parser.Counters[MalformedReason.FragmentTruncatedByController]);
        Assert.Equal(0, parser.PendingFragments);
    }

    [Fact]
    public void Parse_ReservedDataStatus_Counts()
    {
        var parser = new HciEventParser();
        var handler = new CollectingHandler();

        parser.Parse(HciEvents.Extended(new ExtendedReport(9, [1], DataStatus: 3)), ref handler);

        Assert.Empty(handler.Reports);
        Assert.Equal(1, parser.Counters[MalformedReason.ReservedDataStatus]);
    }

    [Fact]
    public void Parse_FragmentsBeyond1650Bytes_DropsAndCountsOverflow()
    {
        var parser = new HciEventParser();
        var handler = new CollectingHandler();
        var chunk = new byte[229];

        for (var i = 0; i < 8; i++)
        {
            parser.Parse(HciEvents.Extended(new ExtendedReport(5, chunk, DataStatus: 1)), ref handler);
        }

        Assert.Equal(1, parser.Counters[MalformedReason.FragmentOverflow]);
        Assert.Empty(handler.Reports);
    }

    [Fact]
    public void Parse_NinePendingAdverts_EvictsOldestAndCounts()
    {
        var parser = new HciEventParser();
        var handler = new CollectingHandler();

        for (ulong a = 1; a <= 9; a++)
        {
            parser.Parse(HciEvents.Extended(new ExtendedReport(a, [(byte)a], DataStatus: 1)), ref handler);
        }

        Assert.Equal(1, parser.Counters[MalformedReason.FragmentEvicted]);
        parser.Parse(HciEvents.Extended(new ExtendedReport(1, [0xEE], DataStatus: 0)), ref handler);
        Assert.Equal([0xEE], Assert.Single(handler.Reports).Data); // advertiser 1's first fragment was evicted
    }

    [Theory]
    [InlineData(new byte[0], MalformedReason.EventTooShort)]
    [InlineData(new byte[] { 0x3E }, MalformedReason.EventTooShort)]
    [InlineData(new byte[] { 0x3E, 0x05, 0x02, 0x01 }, MalformedReason.EventLengthMismatch)] // length lies (too long)
    [InlineData(new byte[] { 0x3E, 0x01, 0x02, 0x01 }, MalformedReason.EventLengthMismatch)] // length lies (too short)
    [InlineData(new byte[] { 0x3E, 0x00 }, MalformedReason.EventTooShort)]
    [InlineData(new byte[] { 0x3E, 0x02, 0x02, 0x00 }, MalformedReason.BadReportCount)] // zero reports
    [InlineData(new byte[] { 0x3E, 0x02, 0x0D, 0x05 }, MalformedReason.BadReportCount)] // 5 reports in 0 bytes
    [InlineData(new byte[] { 0x3E, 0x01, 0x77 }, MalformedReason.UnknownLeSubevent)]
    public void Parse_BadEvent_CountsReason(byte[] evt, MalformedReason expected)
    {
        var parser = new HciEventParser();
        var handler = new CollectingHandler();

        parser.Parse(evt, ref handler);

        Assert.Empty(handler.Reports);
        Assert.Equal(1, parser.Counters[expected]);
        Assert.Equal(1, parser.Counters.Total);
    }

    [Fact]
    public void Parse_LegacyDataLengthRunsPastEvent_CountsTruncated()
    {
        var parser = new HciEventParser();
        var handler = new CollectingHandler();
        var evt = HciEvents.Legacy(0, 0, 1, [0x02, 0x01, 0x06], -50);
        evt[12] = 40; // Data_Length claims 40 bytes; the event holds 3

        var outcome = parser.Parse(evt, ref handler);

        Assert.Equal(HciParseOutcome.Malformed, outcome);
        Assert.Equal(1, parser.Counters[MalformedReason.ReportTruncated]);
    }

    [Fact]
    public void Parse_ExtendedDataLengthRunsPastEvent_CountsTruncated()
    {
        var parser = new HciEventParser();
        var handler = new CollectingHandler();
        var evt = HciEvents.Extended(new ExtendedReport(1, [1, 2, 3]));
        evt[2 + 2 + 23] = 200;

        parser.Parse(evt, ref handler);

        Assert.Empty(handler.Reports);
        Assert.Equal(1, parser.Counters[MalformedReason.ReportTruncated]);
    }

    [Fact]
    public void Parse_TrailingBytesAfterLastReport_DeliversReportAndCounts()
    {
        var parser = new HciEventParser();
        var handler = new CollectingHandler();
        var evt = HciEvents.Legacy(0, 0, 1, [0x02, 0x01, 0x06], -50).Append((byte)0xAA).ToArray();
        evt[1]++;

        var outcome = parser.Parse(evt, ref handler);

        Assert.Equal(HciParseOutcome.Malformed, outcome);
        Assert.Single(handler.Reports);
        Assert.Equal(1, parser.Counters[MalformedReason.TrailingBytes]);
    }

    [Fact]
    public void Parse_CommandCompleteEvent_IsIgnoredNotCounted()
    {
        var parser = new HciEventParser();
        var handler = new CollectingHandler();

        var outcome = parser.Parse([0x0E, 0x04, 0x01, 0x03, 0x0C, 0x00], ref handler);

        Assert.Equal(HciParseOutcome.Ignored, outcome);
        Assert.Equal(0, parser.Counters.Total);
    }

    [Fact]
    public void ParseH4_UnknownPacketType_Counts()
    {
        var parser = new HciEventParser();
        var handler = new CollectingHandler();

        parser.ParseH4([0x09, 0x3E, 0x00], ref handler);

        Assert.Equal(1, parser.Counters[MalformedReason.UnknownPacketType]);
    }

    [Fact]
    public void Parse_HotPath_AllocatesNothing()
    {
        var parser = new HciEventParser();
        var handler = new CountingHandler();
        var legacy = HciEvents.Legacy(0x03, 0x01, 0x4A0000000001, HciEvents.IBeaconAdvert(Uuid, 1, 2, -59), -70);
        var first = HciEvents.Extended(new ExtendedReport(3, new byte[200], DataStatus: 1));
        var last = HciEvents.Extended(new ExtendedReport(3, new byte[50], DataStatus: 0));
        parser.Parse(legacy, ref handler); // warm up (JIT)
        parser.Parse(first, ref handler);
        parser.Parse(last, ref handler);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            parser.Parse(legacy, ref handler);
            parser.Parse(first, ref handler);
            parser.Parse(last, ref handler);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(20_002, handler.Count);
    }
}
