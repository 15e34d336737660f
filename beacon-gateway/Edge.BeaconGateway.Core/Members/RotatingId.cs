using System.Buffers.Binary;
using Shared = Edge.Contracts.Members.RotatingId;

namespace Edge.BeaconGateway.Members;

/// <summary>
/// The rotating member ID: the derivation lives once in <see cref="Edge.Contracts.Members.RotatingId"/> (the phone
/// side uses it too); this adds the gateway's batch path for the table rebuild (one AES-NI key schedule for
/// consecutive windows), which tests check against the shared derivation.
/// </summary>
public static class RotatingId
{
    public static readonly TimeSpan DefaultWindow = Shared.DefaultWindow;

    public static long WindowIndex(DateTimeOffset at, TimeSpan window) => Shared.WindowIndex(at, window);

    public static DateTimeOffset WindowStart(long windowIndex, TimeSpan window) => Shared.WindowStart(windowIndex, window);

    /// <summary>
    /// <see cref="Edge.Contracts.Members.RotatingId.Compute"/> through the AES-NI block cipher: the simulator computes one
    /// per advert of up to thousands of phones, and the platform AES costs about 7.5 us a call here (its object and key
    /// schedule each time). The test vectors here and the reference cloud's phone player tests (shared derivation, resolved
    /// through this table) hold both to the same IDs.
    /// </summary>
    public static ulong Compute(ReadOnlySpan<byte> memberKey, long windowIndex)
    {
        Span<ulong> id = stackalloc ulong[1];
        ComputeConsecutive(memberKey, windowIndex, id);
        return id[0];
    }

    /// <summary>Computes the IDs of windows <paramref name="firstWindow"/> .. + ids.Length - 1 with one key schedule.</summary>
    internal static void ComputeConsecutive(ReadOnlySpan<byte> memberKey, long firstWindow, Span<ulong> ids)
    {
        Span<byte> blocks = stackalloc byte[16 * 4];
        blocks = blocks[..(16 * ids.Length)];
        for (var i = 0; i < ids.Length; i++)
        {
            Shared.WriteWindowBlock(blocks.Slice(16 * i, 16), firstWindow + i);
        }

        Aes128Block.EncryptBlocks(memberKey, blocks, blocks);
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = BinaryPrimitives.ReadUInt64BigEndian(blocks[(16 * i)..]);
        }
    }

    internal static void WriteWindowBlock(Span<byte> block, long windowIndex) => Shared.WriteWindowBlock(block, windowIndex);
}
