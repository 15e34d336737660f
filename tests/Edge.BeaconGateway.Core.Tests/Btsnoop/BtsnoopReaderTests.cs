using Edge.BeaconGateway.Btsnoop;
using Edge.BeaconGateway.Hci;
using Edge.BeaconGateway.Tests.Support;
using Xunit;

namespace Edge.BeaconGateway.Tests.Btsnoop;

public sealed class BtsnoopReaderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void WriterThenReader_RoundTripsPacketsFlagsAndTimestamps()
    {
        using var stream = new MemoryStream();
        using (var writer = new BtsnoopWriter(stream, leaveOpen: true))
        {
            writer.Write(HciPacketType.Command, [0x42, 0x20, 0x06, 1, 0, 0, 0, 0, 0], received: false, T0);
            writer.Write(HciPacketType.Event, [0x0E, 0x04, 0x01, 0x42, 0x20, 0x00], received: true, T0.AddTicks(1234560));
        }

        stream.Position = 0;
        using var reader = new BtsnoopReader(stream);
        Assert.True(reader.TryReadNext(out var command));
        Assert.Equal(HciPacketType.Command, command.PacketType);
        Assert.False(command.IsReceived);
        Assert.Equal(2u, command.Flags);
        Assert.Equal(T0, command.Timestamp);
        Assert.True(reader.TryReadNext(out var evt));
        Assert.Equal(HciPacketType.Event, evt.PacketType);
        Assert.Equal(3u, evt.Flags);
        Assert.Equal([0x0E, 0x04, 0x01, 0x42, 0x20, 0x00], evt.Packet.ToArray());
        Assert.Equal(T0.AddTicks(1234560), evt.Timestamp);
        Assert.False(reader.TryReadNext(out _));
        Assert.Equal(0, reader.Counters.Total);
    }

    [Fact]
    public void Reader_H1Datalink_TakesPacketTypeFromFlags()
    {
        var file = Header(1001)
            .Concat(Record([0x0E, 0x01, 0x00], flags: 3))
            .Concat(Record([0x03, 0x0C, 0x00], flags: 2))
            .Concat(Record([0x01, 0x20, 0x00, 0x00], flags: 1))
            .ToArray();

        using var reader = new BtsnoopReader(new MemoryStream(file));
        Assert.True(reader.TryReadNext(out var r1));
        Assert.Equal(HciPacketType.Event, r1.PacketType);
        Assert.Equal([0x0E, 0x01, 0x00], r1.Packet.ToArray());
        Assert.True(reader.TryReadNext(out var r2));
        Assert.Equal(HciPacketType.Command, r2.PacketType);
        Assert.True(reader.TryReadNext(out var r3));
        Assert.Equal(HciPacketType.AclData, r3.PacketType);
        Assert.Equal(BtsnoopDatalink.H1, reader.Datalink);
    }

    [Fact]
    public void Reader_FileCutInsideRecordBody_StopsAndCountsTruncated()
    {
        var file = Header(1002).Concat(Record([0x04, 0x0E, 0x01, 0x00])).Concat(Record([0x04, 0x0E, 0x01, 0x00])).ToArray();

        using var reader = new BtsnoopReader(new MemoryStream(file[..^2]));
        Assert.True(reader.TryReadNext(out _));
        Assert.False(reader.TryReadNext(out _));
        Assert.False(reader.TryReadNext(out _)); // stays ended, counted once
        Assert.Equal(1, reader.Counters[MalformedReason.BtsnoopTruncatedRecord]);
    }

    [Fact]
    public void Reader_FileCutInsideRecordHeader_CountsTruncated()
    {
        var file = Header(1002).Concat(Record([0x04, 0x0E, 0x01, 0x00])).ToArray();

        using var reader = new BtsnoopReader(new MemoryStream(file[..(16 + 10)]));
        Assert.False(reader.TryReadNext(out _));
        Assert.Equal(1, reader.Counters[MalformedReason.BtsnoopTruncatedRecord]);
    }

    [Theory]
    [InlineData("btsnoq\0\0", 1u, 1002u, MalformedReason.BtsnoopBadHeader)] // wrong magic
    [InlineData("btsnoop\0", 2u, 1002u, MalformedReason.BtsnoopBadHeader)] // wrong version
    [InlineData("btsnoop\0", 1u, 2001u, MalformedReason.BtsnoopUnsupportedDatalink)] // BCSP
    public void Reader_BadHeader_CountsReasonAndReadsNothing(string magic, uint version, uint datalink, MalformedReason expected)
    {
        var header = System.Text.Encoding.ASCII.GetBytes(magic).Concat(BigEndian(version)).Concat(BigEndian(datalink)).ToArray();

        using var reader = new BtsnoopReader(new MemoryStream(header.Concat(Record([0x04, 0x0E, 0x00])).ToArray()));
        Assert.False(reader.TryReadNext(out _));
        Assert.Equal(1, reader.Counters[expected]);
        Assert.Null(reader.Datalink);
    }

    [Fact]
    public void Reader_EmptyFile_CountsBadHeader()
    {
        using var reader = new BtsnoopReader(new MemoryStream());
        Assert.False(reader.TryReadNext(out _));
        Assert.Equal(1, reader.Counters[MalformedReason.BtsnoopBadHeader]);
    }

    [Fact]
    public void Reader_IncludedLengthBeyondAnyHciPacket_StopsWithoutAllocatingIt()
    {
        var record = Record([0x04, 0x0E, 0x00]);
        record[4] = 0x7F; // included length 0x7F000004: framing lost

        using var reader = new BtsnoopReader(new MemoryStream(Header(1002).Concat(record).ToArray()));
        Assert.False(reader.TryReadNext(out _));
        Assert.Equal(1, reader.Counters[MalformedReason.BtsnoopBadRecordLength]);
    }

    [Fact]
    public void Reader_IncludedLongerThanOriginal_SkipsRecordAndContinues()
    {
        var bad = Record([0x04, 0x0E, 0x00]);
        bad[3] = 1; // original length 1 < included 3
        var file = Header(1002).Concat(bad).Concat(Record([0x04, 0x0F, 0x00])).ToArray();

        using var reader = new BtsnoopReader(new MemoryStream(file));
        Assert.True(reader.TryReadNext(out var next));
        Assert.Equal(0x0F, next.Packet[0]);
        Assert.Equal(1, reader.Counters[MalformedReason.BtsnoopBadRecordLength]);
    }

    [Fact]
    public void BtsnoopTime_Year0Epoch_MatchesUnixOffset()
    {
        Assert.Equal(DateTimeOffset.UnixEpoch, BtsnoopTime.ToDateTimeOffset(0x00DCDDB30F2F8000));
        Assert.Equal(0x00DCDDB30F2F8000 + 1_000_000, BtsnoopTime.FromDateTimeOffset(DateTimeOffset.UnixEpoch.AddSeconds(1)));
        Assert.Equal(DateTimeOffset.MinValue, BtsnoopTime.ToDateTimeOffset(long.MinValue)); // corrupt: clamped, no throw
    }

    [Fact]
    public void Recorder_LongExtendedAdvert_IsWrittenAsFragmentsTheParserReassembles()
    {
        var data = Enumerable.Range(0, 500).Select(i => (byte)i).ToArray();
        var source = new HciEventParser();
        var collected = new CollectingHandler();
        var recorderInput = new RecordingHandler();
        var extended = new List<byte[]>();
        var sink = new ListSink(extended);
        AdvertisingReportEncoder.EncodeExtended(sink, T0, 0x0000, new BleAddress(0xC1, AddressType.Random), -55, -4, 3, data);
        Assert.Equal(3, extended.Count);

        using var stream = new MemoryStream();
        using (var recorder = new BtsnoopRecorder(new BtsnoopWriter(stream, leaveOpen: true)))
        {
            recorderInput.Recorder = recorder;
            foreach (var evt in extended)
            {
                source.Parse(evt, ref recorderInput);
            }

            Assert.Equal(3, recorder.RecordsWritten);
        }

        stream.Position = 0;
        using var reader = new BtsnoopReader(stream);
        var parser = new HciEventParser();
        while (reader.TryReadNext(out var record))
        {
            parser.Parse(record.Packet, ref collected);
        }

        var report = Assert.Single(collected.Reports);
        Assert.Equal(data, report.Data);
        Assert.Equal((-55, -4, (byte)3), (report.Rssi, report.TxPower, report.Sid));
    }

    private sealed class RecordingHandler : IAdvertisingReportHandler
    {
        public BtsnoopRecorder? Recorder { get; set; }

        public void OnAdvertisingReport(in AdvertisingReport report) => Recorder!.Record(report, T0);
    }

    private sealed class ListSink(List<byte[]> events) : IHciEventSink
    {
        public void OnHciEvent(ReadOnlySpan<byte> hciEvent, DateTimeOffset receivedAt) => events.Add(hciEvent.ToArray());
    }

    internal static byte[] Header(uint datalink) =>
        [.. "btsnoop\0"u8.ToArray(), .. BigEndian(1u), .. BigEndian(datalink)];

    internal static byte[] Record(byte[] packet, uint flags = 3) =>
        [.. BigEndian((uint)packet.Length), .. BigEndian((uint)packet.Length), .. BigEndian(flags), .. BigEndian(0u),
            .. BigEndian(0x00E2_0000_0000_0000UL), .. packet];

    private static byte[] BigEndian(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    private static byte[] BigEndian(ulong value) => [.. BigEndian((uint)(value >> 32)), .. BigEndian((uint)value)];
}
