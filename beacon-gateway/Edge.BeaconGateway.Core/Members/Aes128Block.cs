using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using AesNi = System.Runtime.Intrinsics.X86.Aes;
using Sse2 = System.Runtime.Intrinsics.X86.Sse2;

namespace Edge.BeaconGateway.Members;

/// <summary>
/// Single-block AES-128 encryption (ECB of one block, no padding) for the rotating-ID table. Rebuilding the table
/// runs one key schedule and three blocks per member, a million members at a time, so on x64 it uses AES-NI
/// directly (FIPS-197 key expansion with AESKEYGENASSIST); elsewhere it falls back to the platform's AES
/// (OpenSSL), which is correct but several times slower. Tests check both against FIPS-197 and each other.
/// </summary>
internal static class Aes128Block
{
    public static bool IsHardwareAccelerated => AesNi.IsSupported;

    /// <summary>Encrypts each of <paramref name="blocks"/> under <paramref name="key"/> into <paramref name="output"/>.</summary>
    public static void EncryptBlocks(ReadOnlySpan<byte> key, ReadOnlySpan<byte> blocks, Span<byte> output)
    {
        if (key.Length != 16 || blocks.Length % 16 != 0 || output.Length < blocks.Length)
        {
            throw new ArgumentException("AES-128 needs a 16-byte key and whole 16-byte blocks.");
        }

        if (AesNi.IsSupported)
        {
            EncryptAesNi(key, blocks, output);
        }
        else
        {
            EncryptPortable(key, blocks, output);
        }
    }

    /// <summary>The platform implementation, used where AES-NI is missing and as the reference in tests.</summary>
    internal static void EncryptPortable(ReadOnlySpan<byte> key, ReadOnlySpan<byte> blocks, Span<byte> output)
    {
        using var aes = Aes.Create();
        aes.SetKey(key);
        aes.EncryptEcb(blocks, output, PaddingMode.None);
    }

    private static void EncryptAesNi(ReadOnlySpan<byte> key, ReadOnlySpan<byte> blocks, Span<byte> output)
    {
        var k0 = Vector128.Create(key);
        // The round constant of AESKEYGENASSIST must be an immediate, hence the unrolled schedule.
        var k1 = Expand(k0, AesNi.KeygenAssist(k0, 0x01));
        var k2 = Expand(k1, AesNi.KeygenAssist(k1, 0x02));
        var k3 = Expand(k2, AesNi.KeygenAssist(k2, 0x04));
        var k4 = Expand(k3, AesNi.KeygenAssist(k3, 0x08));
        var k5 = Expand(k4, AesNi.KeygenAssist(k4, 0x10));
        var k6 = Expand(k5, AesNi.KeygenAssist(k5, 0x20));
        var k7 = Expand(k6, AesNi.KeygenAssist(k6, 0x40));
        var k8 = Expand(k7, AesNi.KeygenAssist(k7, 0x80));
        var k9 = Expand(k8, AesNi.KeygenAssist(k8, 0x1B));
        var k10 = Expand(k9, AesNi.KeygenAssist(k9, 0x36));

        for (var offset = 0; offset < blocks.Length; offset += 16)
        {
            var s = Sse2.Xor(Vector128.Create(blocks.Slice(offset, 16)), k0);
            s = AesNi.Encrypt(s, k1);
            s = AesNi.Encrypt(s, k2);
            s = AesNi.Encrypt(s, k3);
            s = AesNi.Encrypt(s, k4);
            s = AesNi.Encrypt(s, k5);
            s = AesNi.Encrypt(s, k6);
            s = AesNi.Encrypt(s, k7);
            s = AesNi.Encrypt(s, k8);
            s = AesNi.Encrypt(s, k9);
            s = AesNi.EncryptLast(s, k10);
            s.CopyTo(output.Slice(offset, 16));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Expand(Vector128<byte> key, Vector128<byte> assist)
    {
        assist = Sse2.Shuffle(assist.AsInt32(), 0xFF).AsByte();
        key = Sse2.Xor(key, Sse2.ShiftLeftLogical128BitLane(key, 4));
        key = Sse2.Xor(key, Sse2.ShiftLeftLogical128BitLane(key, 4));
        key = Sse2.Xor(key, Sse2.ShiftLeftLogical128BitLane(key, 4));
        return Sse2.Xor(key, assist);
    }
}
