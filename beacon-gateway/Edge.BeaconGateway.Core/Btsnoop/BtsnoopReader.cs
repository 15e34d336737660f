using System.Buffers.Binary;
using Edge.BeaconGateway.Hci;

namespace Edge.BeaconGateway.Btsnoop;

/// <summary>
/// Reads btsnoop captures (16-byte header "btsnoop\0", version 1, datalink; then records of original length,
/// included length, flags, cumulative drops, timestamp, all big-endian, followed by the packet). Bad or cut files
/// never throw: the reader counts the reason and reports the end. One buffer is reused for every record.
/// </summary>
public sealed class BtsnoopReader : IDisposable
{
    /// <summary>An HCI packet is at most 4 + 65535 bytes (ACL) plus the H4 type byte.</summary>
    public const int MaxRecordLength = 65_540;

    private static ReadOnlySpan<byte> Magic => "btsnoop\0"u8;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly byte[] _header = new byte[24];
    private byte[] _buffer = new byte[1024];
    private bool _headerRead;
    private bool _ended;

    public BtsnoopReader(Stream stream, MalformedCounters? counters = null, bool leaveOpen = false)
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        _leaveOpen = leaveOpen;
        Counters = counters ?? new MalformedCounters();
    }

    public MalformedCounters Counters { get; }

    /// <summary>Known after the first read; null when the header was bad.</summary>
    public BtsnoopDatalink? Datalink { get; private set; }

    public long RecordsRead { get; private set; }

    /// <summary>Reads the next record; false at the end of the file or when the rest cannot be trusted.</summary>
    public bool TryReadNext(out BtsnoopRecord record)
    {
        record = default;
        if (_ended || (!_headerRead && !ReadHeader()))
        {
            _ended = true;
            return false;
        }

        while (true)
        {
            var got = _stream.ReadAtLeast(_header, 24, throwOnEndOfStream: false);
            if (got == 0)
            {
                _ended = true;
                return false;
            }

            if (got < 24)
            {
                return End(MalformedReason.BtsnoopTruncatedRecord);
            }

            var originalLength = BinaryPrimitives.ReadUInt32BigEndian(_header);
            var includedLength = BinaryPrimitives.ReadUInt32BigEndian(_header.AsSpan(4));
            var flags = BinaryPrimitives.ReadUInt32BigEndian(_header.AsSpan(8));
            var drops = BinaryPrimitives.ReadUInt32BigEndian(_header.AsSpan(12));
            var timestamp = BinaryPrimitives.ReadInt64BigEndian(_header.AsSpan(16));

            // A length beyond any HCI packet means the framing is lost: nothing after it can be trusted.
            if (includedLength > MaxRecordLength)
            {
                return End(MalformedReason.BtsnoopBadRecordLength);
            }

            var length = (int)includedLength;
            if (_buffer.Length < length)
            {
                _buffer = new byte[Math.Max(length, _buffer.Length * 2)];
            }

            if (_stream.ReadAtLeast(_buffer.AsSpan(0, length), length, throwOnEndOfStream: false) < length)
            {
                return End(MalformedReason.BtsnoopTruncatedRecord);
            }

            RecordsRead++;
            if (includedLength > originalLength)
            {
                // The record is framed correctly but claims to be bigger than the packet: skip it, keep reading.
                Counters.Increment(MalformedReason.BtsnoopBadRecordLength);
                continue;
            }

            var packet = _buffer.AsSpan(0, length);
            HciPacketType type;
            if (Datalink == BtsnoopDatalink.H4)
            {
                if (packet.IsEmpty)
                {
                    Counters.Increment(MalformedReason.BtsnoopBadRecordLength);
                    continue;
                }

                type = (HciPacketType)packet[0];
                packet = packet[1..];
            }
            else
            {
                // H1: flags bit 1 marks command/event, bit 0 the direction (1 = from the controller).
                type = (flags & 2) != 0
                    ? ((flags & 1) != 0 ? HciPacketType.Event : HciPacketType.Command)
                    : HciPacketType.AclData;
            }

            record = new BtsnoopRecord(type, packet, flags, originalLength, drops, timestamp);
            return true;
        }
    }

    private bool ReadHeader()
    {
        _headerRead = true;
        Span<byte> header = stackalloc byte[16];
        if (_stream.ReadAtLeast(header, 16, throwOnEndOfStream: false) < 16
            || !header[..8].SequenceEqual(Magic)
            || BinaryPrimitives.ReadUInt32BigEndian(header[8..]) != 1)
        {
            Counters.Increment(MalformedReason.BtsnoopBadHeader);
            return false;
        }

        var datalink = BinaryPrimitives.ReadUInt32BigEndian(header[12..]);
        if (datalink is not ((uint)BtsnoopDatalink.H1 or (uint)BtsnoopDatalink.H4))
        {
            Counters.Increment(MalformedReason.BtsnoopUnsupportedDatalink);
            return false;
        }

        Datalink = (BtsnoopDatalink)datalink;
        return true;
    }

    private bool End(MalformedReason reason)
    {
        Counters.Increment(reason);
        _ended = true;
        return false;
    }

    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }
}
