using System.Buffers.Binary;

namespace Edge.BeaconGateway.Advertising;

/// <summary>
/// A 128-bit UUID kept as two big-endian halves, as iBeacon and AltBeacon send it on air (unlike
/// <see cref="Guid"/>'s mixed-endian layout). Comparing two costs two integer compares.
/// </summary>
public readonly record struct Uuid128(ulong High, ulong Low)
{
    public static Uuid128 ReadBigEndian(ReadOnlySpan<byte> sixteenBytes) => new(
        BinaryPrimitives.ReadUInt64BigEndian(sixteenBytes),
        BinaryPrimitives.ReadUInt64BigEndian(sixteenBytes[8..]));

    public static Uuid128 Parse(string text)
    {
        Span<byte> bytes = stackalloc byte[16];
        Guid.Parse(text).TryWriteBytes(bytes, bigEndian: true, out _);
        return ReadBigEndian(bytes);
    }

    public Guid ToGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, High);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], Low);
        return new Guid(bytes, bigEndian: true);
    }

    public override string ToString() => ToGuid().ToString("D").ToUpperInvariant();
}
