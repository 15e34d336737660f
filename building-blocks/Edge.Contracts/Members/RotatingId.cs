using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Edge.Contracts.Members;

/// <summary>
/// The rotating member ID (docs/ble-rotating-id.md): the first 8 bytes of AES-128-ECB(K_member, W), where W is
/// the window index as a 128-bit big-endian integer (8 zero bytes, then the index as big-endian uint64) and the
/// window index is floor(Unix seconds / window length). The 8 bytes are sent in that order; the gateway reads
/// them as a big-endian <see cref="ulong"/>. Shared by the phone side (the reference cloud's phone player,
/// beacon-gateway's simulator) and the gateway; the gateway's table rebuild has its own AES-NI batch path and is
/// tested against this one.
/// </summary>
public static class RotatingId
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(10);

    public static long WindowIndex(DateTimeOffset at, TimeSpan window)
    {
        // Integer floor division: a double loses the last tick before a boundary.
        var ticks = (at - DateTimeOffset.UnixEpoch).Ticks;
        var index = ticks / window.Ticks;
        return ticks % window.Ticks < 0 ? index - 1 : index;
    }

    public static DateTimeOffset WindowStart(long windowIndex, TimeSpan window) =>
        DateTimeOffset.UnixEpoch.AddTicks(windowIndex * window.Ticks);

    public static ulong Compute(ReadOnlySpan<byte> memberKey, long windowIndex)
    {
        if (memberKey.Length != 16)
        {
            throw new ArgumentException("a member key is 16 bytes (AES-128)", nameof(memberKey));
        }

        Span<byte> block = stackalloc byte[16];
        WriteWindowBlock(block, windowIndex);
        using var aes = Aes.Create();
        aes.SetKey(memberKey);
        aes.EncryptEcb(block, block, PaddingMode.None);
        return BinaryPrimitives.ReadUInt64BigEndian(block);
    }

    /// <summary>W: 8 zero bytes, then the window index as big-endian int64.</summary>
    public static void WriteWindowBlock(Span<byte> block, long windowIndex)
    {
        block[..8].Clear();
        BinaryPrimitives.WriteInt64BigEndian(block[8..], windowIndex);
    }
}
