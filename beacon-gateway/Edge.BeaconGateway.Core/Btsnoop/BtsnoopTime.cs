namespace Edge.BeaconGateway.Btsnoop;

/// <summary>
/// btsnoop timestamps are microseconds since midnight, January 1st, year 0 AD. The offset to the Unix epoch is
/// the constant every reader uses (Wireshark's, BlueZ's): 0x00DCDDB30F2F8000 µs.
/// </summary>
public static class BtsnoopTime
{
    public const long UnixEpochOffsetMicroseconds = 0x00DCDDB30F2F8000;

    public static DateTimeOffset ToDateTimeOffset(long microsecondsSinceYear0)
    {
        // A corrupt timestamp must not throw out of the reader (nor overflow): clamp to the representable range.
        var min = ((DateTimeOffset.MinValue - DateTimeOffset.UnixEpoch).Ticks / 10) + UnixEpochOffsetMicroseconds;
        var max = ((DateTimeOffset.MaxValue - DateTimeOffset.UnixEpoch).Ticks / 10) + UnixEpochOffsetMicroseconds;
        var unixMicroseconds = Math.Clamp(microsecondsSinceYear0, min, max) - UnixEpochOffsetMicroseconds;
        return DateTimeOffset.UnixEpoch.AddTicks(unixMicroseconds * 10);
    }

    public static long FromDateTimeOffset(DateTimeOffset value) =>
        ((value - DateTimeOffset.UnixEpoch).Ticks / 10) + UnixEpochOffsetMicroseconds;
}
