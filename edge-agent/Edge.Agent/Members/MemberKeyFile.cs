using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Edge.Agent.Members;

/// <summary>
/// Writes the key table in beacon-gateway's EMK1 format (beacon-gateway/.../Members/EncryptedMemberKeyFile.cs,
/// docs/ble-rotating-id.md): "EMK1" | nonce (12) | tag (16) | AES-256-GCM ciphertext, associated data "EMK1";
/// plaintext = count (uint32 BE), then per member id length (uint8), id (UTF-8), key (16). Written to a temporary
/// file and renamed, so a reader never sees half a table.
/// </summary>
internal static class MemberKeyFile
{
    private static ReadOnlySpan<byte> Magic => "EMK1"u8;

    public static void Write(string path, byte[] fileKey, IReadOnlyList<(string MemberId, byte[] Key)> members)
    {
        using var plain = new MemoryStream();
        Span<byte> count = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(count, (uint)members.Count);
        plain.Write(count);
        foreach (var (memberId, key) in members)
        {
            var id = Encoding.UTF8.GetBytes(memberId);
            if (id.Length > 255 || key.Length != 16)
            {
                continue; // validated when the delta was applied; never write an entry beacon-gateway cannot parse
            }

            plain.WriteByte((byte)id.Length);
            plain.Write(id);
            plain.Write(key);
        }

        var plaintext = plain.ToArray();
        var output = new byte[32 + plaintext.Length];
        Magic.CopyTo(output);
        RandomNumberGenerator.Fill(output.AsSpan(4, 12));
        using (var gcm = new AesGcm(fileKey, 16))
        {
            gcm.Encrypt(output.AsSpan(4, 12), plaintext, output.AsSpan(32), output.AsSpan(16, 16), Magic);
        }

        CryptographicOperations.ZeroMemory(plaintext);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, output);
        File.Move(temporary, path, overwrite: true);
    }
}
