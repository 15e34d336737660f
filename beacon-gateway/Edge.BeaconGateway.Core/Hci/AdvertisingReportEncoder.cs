using System.Buffers.Binary;

namespace Edge.BeaconGateway.Hci;

/// <summary>
/// Encodes one advertisement as the controller would report it: a legacy LE Advertising Report, or LE Extended
/// Advertising Reports split into fragments (data status 0b01 ... 0b00) when the data exceeds one event. Used by
/// the record mode (re-encoding only what passed the privacy gate) and the simulator.
/// </summary>
public static class AdvertisingReportEncoder
{
    /// <summary>Data bytes that fit in one extended report event: 255 - subevent - count - 24-byte header.</summary>
    public const int MaxExtendedFragment = 229;

    /// <summary>Legacy advertising data is at most 31 bytes (Vol 6 Part B 2.3.1).</summary>
    public const int MaxLegacyData = 31;

    public static int EncodeLegacy(Span<byte> destination, byte eventType, BleAddress address, ReadOnlySpan<byte> data, sbyte rssi)
    {
        if (data.Length > MaxLegacyData)
        {
            throw new ArgumentException("Legacy advertising data is at most 31 bytes.", nameof(data));
        }

        var length = 2 + 2 + 10 + data.Length;
        destination[0] = HciConstants.EventLeMeta;
        destination[1] = (byte)(length - 2);
        destination[2] = HciConstants.SubeventAdvertisingReport;
        destination[3] = 1;
        destination[4] = eventType;
        destination[5] = (byte)address.Type;
        address.Write(destination[6..]);
        destination[12] = (byte)data.Length;
        data.CopyTo(destination[13..]);
        destination[13 + data.Length] = (byte)rssi;
        return length;
    }

    /// <summary>Writes the extended report events for one advert to <paramref name="sink"/>, fragmenting as needed.</summary>
    public static void EncodeExtended<TSink>(
        TSink sink, DateTimeOffset at, ushort eventType, BleAddress address, sbyte rssi, sbyte txPower, byte sid, ReadOnlySpan<byte> data)
        where TSink : IHciEventSink
    {
        Span<byte> buffer = stackalloc byte[HciConstants.MaxEventLength];
        var offset = 0;
        do
        {
            var chunk = Math.Min(MaxExtendedFragment, data.Length - offset);
            var more = offset + chunk < data.Length;
            var status = more ? 0b01 : 0b00;
            var typeWithStatus = (ushort)((eventType & ~0x60) | (status << 5));
            var length = 2 + 2 + 24 + chunk;
            buffer[0] = HciConstants.EventLeMeta;
            buffer[1] = (byte)(length - 2);
            buffer[2] = HciConstants.SubeventExtendedAdvertisingReport;
            buffer[3] = 1;
            var r = buffer[4..];
            BinaryPrimitives.WriteUInt16LittleEndian(r, typeWithStatus);
            r[2] = (byte)address.Type;
            address.Write(r[3..]);
            r[9] = 1; // primary PHY LE 1M
            r[10] = 0;
            r[11] = sid;
            r[12] = (byte)txPower;
            r[13] = (byte)rssi;
            r[14] = 0;
            r[15] = 0;
            r[16] = 0;
            r.Slice(17, 6).Clear();
            r[23] = (byte)chunk;
            data.Slice(offset, chunk).CopyTo(r[24..]);
            sink.OnHciEvent(buffer[..length], at);
            offset += chunk;
        }
        while (offset < data.Length);
    }
}
