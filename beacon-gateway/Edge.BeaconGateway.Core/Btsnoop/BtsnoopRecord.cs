using Edge.BeaconGateway.Hci;

namespace Edge.BeaconGateway.Btsnoop;

/// <summary>
/// One record of a btsnoop file. <see cref="Packet"/> excludes the H4 type byte and points into the reader's
/// buffer: valid until the next read.
/// </summary>
public readonly ref struct BtsnoopRecord
{
    public BtsnoopRecord(HciPacketType packetType, ReadOnlySpan<byte> packet, uint flags, uint originalLength, uint cumulativeDrops, long timestampMicroseconds)
    {
        PacketType = packetType;
        Packet = packet;
        Flags = flags;
        OriginalLength = originalLength;
        CumulativeDrops = cumulativeDrops;
        TimestampMicroseconds = timestampMicroseconds;
    }

    public HciPacketType PacketType { get; }

    public ReadOnlySpan<byte> Packet { get; }

    /// <summary>Bit 0: 0 sent (host to controller), 1 received. Bit 1: 1 command or event, 0 data.</summary>
    public uint Flags { get; }

    public uint OriginalLength { get; }

    public uint CumulativeDrops { get; }

    public long TimestampMicroseconds { get; }

    public bool IsReceived => (Flags & 1) != 0;

    public DateTimeOffset Timestamp => BtsnoopTime.ToDateTimeOffset(TimestampMicroseconds);
}
