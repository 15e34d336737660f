using System.Buffers.Binary;

namespace Edge.BeaconGateway.Resolution;

/// <summary>
/// The frame an opted-in member's phone advertises (docs/ble-rotating-id.md): a Service Data - 16-bit UUID AD
/// structure for UUID 0xFFF6 whose value after the UUID is version (0x01), the 8-byte rotating ID, and the
/// phone's calibrated TX power at 1 m (signed dBm). 0xFFF6 lies in the 0xFFF0-0xFFFF block the Bluetooth SIG has
/// not assigned and which is commonly used for development; a production app registers its own member UUID.
/// </summary>
public static class MemberFrame
{
    public const ushort ServiceUuid = Edge.Contracts.Members.MemberAdvert.ServiceUuid;
    public const byte Version = Edge.Contracts.Members.MemberAdvert.Version;

    /// <summary>Length of the service data after the UUID: version, ID, TX power.</summary>
    public const int PayloadLength = Edge.Contracts.Members.MemberAdvert.PayloadLength;

    /// <summary>Flags (LE General Discoverable, BR/EDR not supported) plus the service data structure.</summary>
    public const int AdvertLength = Edge.Contracts.Members.MemberAdvert.Length;

    /// <summary>
    /// Reads the value of a Service Data 16 structure (UUID included). Returns false when it is not ours;
    /// <paramref name="badLayout"/> says it was ours but with an unknown version or wrong length.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> serviceDataValue, out ulong rotatingId, out sbyte txPowerAt1m, out bool badLayout)
    {
        rotatingId = 0;
        txPowerAt1m = 0;
        badLayout = false;
        if (serviceDataValue.Length < 2 || BinaryPrimitives.ReadUInt16LittleEndian(serviceDataValue) != ServiceUuid)
        {
            return false;
        }

        var payload = serviceDataValue[2..];
        if (payload.Length != PayloadLength || payload[0] != Version)
        {
            badLayout = true;
            return false;
        }

        rotatingId = BinaryPrimitives.ReadUInt64BigEndian(payload[1..]);
        txPowerAt1m = (sbyte)payload[9];
        return true;
    }

    /// <summary>Writes the whole advertising data a phone sends (17 bytes): <see cref="Edge.Contracts.Members.MemberAdvert.Write"/>.</summary>
    public static int WriteAdvert(Span<byte> destination, ulong rotatingId, sbyte txPowerAt1m) =>
        Edge.Contracts.Members.MemberAdvert.Write(destination, rotatingId, txPowerAt1m);
}
