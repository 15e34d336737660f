using System.Buffers.Binary;

namespace Edge.BeaconGateway.Advertising;

/// <summary>
/// Unencrypted Eddystone-TLM (frame type 0x20, version 0x00): battery in mV (0 = not supported), temperature as
/// signed 8.8 fixed point in °C (0x8000 = not supported), advertising PDU count, and time since power-on in
/// 0.1 s units; all big-endian.
/// </summary>
public readonly record struct EddystoneTlm(ushort BatteryMillivolts, double? TemperatureCelsius, uint AdvertisementCount, uint UptimeTenthsOfSecond)
{
    public static bool TryParse(ReadOnlySpan<byte> frame, out EddystoneTlm tlm)
    {
        if (frame.Length < 14 || frame[0] != Eddystone.FrameTlm || frame[1] != 0x00)
        {
            tlm = default;
            return false;
        }

        var rawTemperature = BinaryPrimitives.ReadInt16BigEndian(frame[4..]);
        tlm = new EddystoneTlm(
            BinaryPrimitives.ReadUInt16BigEndian(frame[2..]),
            rawTemperature == unchecked((short)0x8000) ? null : rawTemperature / 256.0,
            BinaryPrimitives.ReadUInt32BigEndian(frame[6..]),
            BinaryPrimitives.ReadUInt32BigEndian(frame[10..]));
        return true;
    }

    public bool HasBattery => BatteryMillivolts != 0;
}
