using System.Buffers.Binary;

namespace Edge.BeaconGateway.Advertising;

/// <summary>Look-ups over advertising data that stop at the first match. Allocation-free.</summary>
public static class AdvertisingData
{
    public static bool TryGetFlags(ReadOnlySpan<byte> data, out AdvertisingFlags flags)
    {
        var reader = new AdStructureReader(data);
        while (reader.TryRead(out var type, out var value))
        {
            if (type == AdType.Flags && value.Length >= 1)
            {
                flags = (AdvertisingFlags)value[0];
                return true;
            }
        }

        flags = AdvertisingFlags.None;
        return false;
    }

    public static bool TryGetTxPowerLevel(ReadOnlySpan<byte> data, out sbyte txPower)
    {
        var reader = new AdStructureReader(data);
        while (reader.TryRead(out var type, out var value))
        {
            if (type == AdType.TxPowerLevel && value.Length == 1)
            {
                txPower = (sbyte)value[0];
                return true;
            }
        }

        txPower = 0;
        return false;
    }

    /// <summary>The first manufacturer-specific data: company identifier (little-endian) and what follows it.</summary>
    public static bool TryGetManufacturerData(ReadOnlySpan<byte> data, out ushort companyId, out ReadOnlySpan<byte> payload)
    {
        var reader = new AdStructureReader(data);
        while (reader.TryRead(out var type, out var value))
        {
            if (type == AdType.ManufacturerSpecificData && value.Length >= 2)
            {
                companyId = BinaryPrimitives.ReadUInt16LittleEndian(value);
                payload = value[2..];
                return true;
            }
        }

        companyId = 0;
        payload = default;
        return false;
    }

    /// <summary>The service data for a 16-bit service UUID (the UUID is sent little-endian), without the UUID.</summary>
    public static bool TryGetServiceData16(ReadOnlySpan<byte> data, ushort serviceUuid, out ReadOnlySpan<byte> payload)
    {
        var reader = new AdStructureReader(data);
        while (reader.TryRead(out var type, out var value))
        {
            if (type == AdType.ServiceData16 && value.Length >= 2
                && BinaryPrimitives.ReadUInt16LittleEndian(value) == serviceUuid)
            {
                payload = value[2..];
                return true;
            }
        }

        payload = default;
        return false;
    }

    /// <summary>True when every AD structure is well formed (used to count malformed adverts once).</summary>
    public static bool IsWellFormed(ReadOnlySpan<byte> data)
    {
        var reader = new AdStructureReader(data);
        while (reader.TryRead(out _, out _))
        {
        }

        return !reader.IsMalformed;
    }
}
