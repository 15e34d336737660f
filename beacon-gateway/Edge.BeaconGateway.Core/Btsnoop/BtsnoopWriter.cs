using System.Buffers.Binary;
using Edge.BeaconGateway.Hci;

namespace Edge.BeaconGateway.Btsnoop;

/// <summary>
/// Writes btsnoop captures with the H4 datalink (1002), readable by Wireshark and btmon. Used by the record mode,
/// which hands it only frames that passed the privacy gate.
/// </summary>
public sealed class BtsnoopWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly byte[] _recordHeader = new byte[25];
    private readonly object _gate = new();

    public BtsnoopWriter(Stream stream, bool leaveOpen = false)
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        _leaveOpen = leaveOpen;
        Span<byte> header = stackalloc byte[16];
        "btsnoop\0"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32BigEndian(header[8..], 1);
        BinaryPrimitives.WriteUInt32BigEndian(header[12..], (uint)BtsnoopDatalink.H4);
        _stream.Write(header);
    }

    public long RecordsWritten { get; private set; }

    /// <summary>Appends one packet. <paramref name="received"/> is true for controller-to-host traffic.</summary>
    public void Write(HciPacketType type, ReadOnlySpan<byte> packet, bool received, DateTimeOffset timestamp)
    {
        lock (_gate)
        {
            var length = (uint)(packet.Length + 1);
            var flags = (received ? 1u : 0u) | (type is HciPacketType.Command or HciPacketType.Event ? 2u : 0u);
            var h = _recordHeader.AsSpan();
            BinaryPrimitives.WriteUInt32BigEndian(h, length);
            BinaryPrimitives.WriteUInt32BigEndian(h[4..], length);
            BinaryPrimitives.WriteUInt32BigEndian(h[8..], flags);
            BinaryPrimitives.WriteUInt32BigEndian(h[12..], 0);
            BinaryPrimitives.WriteInt64BigEndian(h[16..], BtsnoopTime.FromDateTimeOffset(timestamp));
            h[24] = (byte)type;
            _stream.Write(h);
            _stream.Write(packet);
            RecordsWritten++;
        }
    }

    public void Flush()
    {
        lock (_gate)
        {
            _stream.Flush();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stream.Flush();
            if (!_leaveOpen)
            {
                _stream.Dispose();
            }
        }
    }
}
