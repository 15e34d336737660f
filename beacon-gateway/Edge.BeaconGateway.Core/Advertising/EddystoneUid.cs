namespace Edge.BeaconGateway.Advertising;

/// <summary>
/// Eddystone-UID: frame type 0x00, ranging data (TX power at 0 m, signed dBm), 10-byte namespace, 6-byte instance,
/// optionally two reserved bytes. The namespace is kept as 80 bits in two integers, the instance as 48.
/// </summary>
public readonly record struct EddystoneUid(sbyte TxPowerAt0m, ulong NamespaceHigh, ushort NamespaceLow, ulong Instance)
{
    public static bool TryParse(ReadOnlySpan<byte> frame, out EddystoneUid uid)
    {
        if (frame.Length < 18 || frame[0] != Eddystone.FrameUid)
        {
            uid = default;
            return false;
        }

        ulong nsHigh = 0;
        for (var i = 2; i < 10; i++)
        {
            nsHigh = (nsHigh << 8) | frame[i];
        }

        var nsLow = (ushort)((frame[10] << 8) | frame[11]);
        ulong instance = 0;
        for (var i = 12; i < 18; i++)
        {
            instance = (instance << 8) | frame[i];
        }

        uid = new EddystoneUid((sbyte)frame[1], nsHigh, nsLow, instance);
        return true;
    }

    /// <summary>"namespace-hex/instance-hex", as beacon tools print it; used in configuration.</summary>
    public string Id => $"{NamespaceHigh:x16}{NamespaceLow:x4}/{Instance:x12}";
}
