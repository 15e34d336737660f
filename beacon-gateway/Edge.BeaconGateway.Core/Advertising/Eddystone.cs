namespace Edge.BeaconGateway.Advertising;

/// <summary>Google Eddystone: service data of 16-bit UUID 0xFEAA whose first byte is the frame type.</summary>
public static class Eddystone
{
    public const ushort ServiceUuid = 0xFEAA;
    public const byte FrameUid = 0x00;
    public const byte FrameUrl = 0x10;
    public const byte FrameTlm = 0x20;
    public const byte FrameEid = 0x30;

    /// <summary>Finds the Eddystone service data and returns its frame type and the whole frame (type byte first).</summary>
    public static bool TryGetFrame(ReadOnlySpan<byte> advertisingData, out byte frameType, out ReadOnlySpan<byte> frame)
    {
        if (AdvertisingData.TryGetServiceData16(advertisingData, ServiceUuid, out frame) && !frame.IsEmpty)
        {
            frameType = frame[0];
            return true;
        }

        frameType = 0;
        frame = default;
        return false;
    }
}
