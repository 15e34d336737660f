namespace Edge.BeaconGateway.Advertising;

/// <summary>
/// AltBeacon (Radius Networks' open specification): manufacturer data of any company, beacon code 0xBEAC, a 20-byte
/// beacon ID (conventionally a 16-byte UUID, then 2-byte major and minor), reference RSSI at 1 m, one reserved byte.
/// </summary>
public readonly record struct AltBeaconFrame(ushort CompanyId, Uuid128 IdUuid, ushort IdMajor, ushort IdMinor, sbyte ReferenceRssi, byte Reserved)
{
    public static bool TryParse(ReadOnlySpan<byte> advertisingData, out AltBeaconFrame frame)
    {
        var reader = new AdStructureReader(advertisingData);
        while (reader.TryRead(out var type, out var value))
        {
            // Company (2) + beacon code (2) + ID (20) + ref RSSI (1) + reserved (1).
            if (type == AdType.ManufacturerSpecificData && value.Length == 26 && value[2] == 0xBE && value[3] == 0xAC)
            {
                frame = new AltBeaconFrame(
                    (ushort)(value[0] | (value[1] << 8)),
                    Uuid128.ReadBigEndian(value.Slice(4, 16)),
                    (ushort)((value[20] << 8) | value[21]),
                    (ushort)((value[22] << 8) | value[23]),
                    (sbyte)value[24],
                    value[25]);
                return true;
            }
        }

        frame = default;
        return false;
    }
}
