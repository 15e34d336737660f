using System.Buffers.Binary;

namespace Edge.BeaconGateway.Advertising;

/// <summary>
/// Apple iBeacon: manufacturer data of company 0x004C with type 0x02, length 0x15, then proximity UUID (16),
/// major (2, big-endian), minor (2, big-endian) and measured power at 1 m (signed dBm).
/// </summary>
public readonly record struct IBeaconFrame(Uuid128 ProximityUuid, ushort Major, ushort Minor, sbyte MeasuredPower)
{
    public const ushort AppleCompanyId = 0x004C;

    public static bool TryParse(ReadOnlySpan<byte> advertisingData, out IBeaconFrame frame)
    {
        var reader = new AdStructureReader(advertisingData);
        while (reader.TryRead(out var type, out var value))
        {
            if (type == AdType.ManufacturerSpecificData && TryParseManufacturerData(value, out frame))
            {
                return true;
            }
        }

        frame = default;
        return false;
    }

    /// <summary>Parses the value of a manufacturer-specific AD structure (company id included).</summary>
    public static bool TryParseManufacturerData(ReadOnlySpan<byte> value, out IBeaconFrame frame)
    {
        if (value.Length < 25 || BinaryPrimitives.ReadUInt16LittleEndian(value) != AppleCompanyId
            || value[2] != 0x02 || value[3] != 0x15)
        {
            frame = default;
            return false;
        }

        frame = new IBeaconFrame(
            Uuid128.ReadBigEndian(value.Slice(4, 16)),
            BinaryPrimitives.ReadUInt16BigEndian(value[20..]),
            BinaryPrimitives.ReadUInt16BigEndian(value[22..]),
            (sbyte)value[24]);
        return true;
    }
}
