using System.Buffers.Binary;

namespace Edge.Contracts.Members;

/// <summary>
/// The advertising data an opted-in member's phone sends (docs/ble-rotating-id.md): Flags (LE General
/// Discoverable, BR/EDR not supported), then a Service Data - 16-bit UUID structure for 0xFFF6 whose value after
/// the UUID is version (0x01), the 8-byte rotating ID (<see cref="RotatingId"/>) and the phone's calibrated TX
/// power at 1 m (signed dBm). Written by every phone stand-in (the reference cloud's phone player,
/// beacon-gateway's simulator); beacon-gateway's MemberFrame reads it.
/// </summary>
public static class MemberAdvert
{
    public const ushort ServiceUuid = 0xFFF6;
    public const byte Version = 0x01;

    /// <summary>Length of the service data after the UUID: version, ID, TX power.</summary>
    public const int PayloadLength = 1 + 8 + 1;

    /// <summary>Flags structure (3 bytes) plus the service data structure.</summary>
    public const int Length = 3 + 2 + 2 + PayloadLength;

    private const byte AdTypeFlags = 0x01;
    private const byte AdTypeServiceData16 = 0x16;
    private const byte LeGeneralDiscoverableBrEdrNotSupported = 0x06;

    /// <summary>Writes the whole advertising data (17 bytes) into <paramref name="destination"/>; returns its length.</summary>
    public static int Write(Span<byte> destination, ulong rotatingId, sbyte txPowerAt1m)
    {
        destination[0] = 0x02;
        destination[1] = AdTypeFlags;
        destination[2] = LeGeneralDiscoverableBrEdrNotSupported;
        destination[3] = 1 + 2 + PayloadLength;
        destination[4] = AdTypeServiceData16;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[5..], ServiceUuid);
        destination[7] = Version;
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], rotatingId);
        destination[16] = (byte)txPowerAt1m;
        return Length;
    }
}
