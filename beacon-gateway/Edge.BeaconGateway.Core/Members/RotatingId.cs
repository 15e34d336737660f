using System.Buffers.Binary;

namespace Edge.BeaconGateway.Members;

/// <summary>
/// The rotating member ID (docs/ble-rotating-id.md): the first 8 bytes of AES-128-ECB(K_member, W), where W is
/// the window index as a 128-bit big-endian integer (8 zero bytes, then the index as big-endian uint64) and the
/// window index is floor(Unix seconds / window length). The 8 bytes are sent in that order; the gateway reads
/// them as a big-endian <see cref="ulong"/>.
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
        Span<byte> block = stackalloc byte[16];
        WriteWindowBlock(block, windowIndex);
        Aes128Block.EncryptBlocks(memberKey, block, block);
        return BinaryPrimitives.ReadUInt64BigEndian(block);
    }

    /// <summary>Computes the IDs of windows <paramref name="firstWindow"/> .. + ids.Length - 1 with one key schedule.</summary>
    internal static void ComputeConsecutive(ReadOnlySpan<byte> memberKey, long firstWindow, Span<ulong> ids)
    {
        Span<byte> blocks = stackalloc byte[16 * 4];
        blocks = blocks[..(16 * ids.Length)];
        for (var i = 0; i < ids.Length; i++)
        {
            WriteWindowBlock(blocks.Slice(16 * i, 16), firstWindow + i);
        }

        Aes128Block.EncryptBlocks(memberKey, blocks, blocks);
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = BinaryPrimitives.ReadUInt64BigEndian(blocks[(16 * i)..]);
        }
    }

    internal static void WriteWindowBlock(Span<byte> block, long windowIndex)
    {
        block[..8].Clear();
        BinaryPrimitives.WriteInt64BigEndian(block[8..], windowIndex);
    }
}
