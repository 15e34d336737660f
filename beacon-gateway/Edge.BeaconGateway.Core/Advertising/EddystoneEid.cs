using System.Buffers.Binary;

namespace Edge.BeaconGateway.Advertising;

/// <summary>Eddystone-EID: frame type 0x30, TX power at 0 m, an 8-byte ephemeral identifier.</summary>
public readonly record struct EddystoneEid(sbyte TxPowerAt0m, ulong EphemeralId)
{
    public static bool TryParse(ReadOnlySpan<byte> frame, out EddystoneEid eid)
    {
        if (frame.Length < 10 || frame[0] != Eddystone.FrameEid)
        {
            eid = default;
            return false;
        }

        eid = new EddystoneEid((sbyte)frame[1], BinaryPrimitives.ReadUInt64BigEndian(frame[2..]));
        return true;
    }
}
