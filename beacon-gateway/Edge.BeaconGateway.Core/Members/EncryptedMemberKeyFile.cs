using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Edge.BeaconGateway.Members;

/// <summary>
/// Member keys at rest: AES-256-GCM under a 32-byte key file (docs/ble-rotating-id.md, "Keys at rest").
/// Layout: "EMK1" | nonce (12) | tag (16) | ciphertext; the associated data is "EMK1". The plaintext is
/// count (uint32 BE), then per member: id length (uint8), id (UTF-8), key (16). A wrong key file or a tampered
/// file fails authentication and is reported as such; nothing is half-loaded.
/// </summary>
public sealed class EncryptedMemberKeyFile : IMemberKeySource
{
    private static ReadOnlySpan<byte> Magic => "EMK1"u8;

    private readonly string _path;
    private readonly string _keyFilePath;

    public EncryptedMemberKeyFile(string path, string keyFilePath)
    {
        _path = path;
        _keyFilePath = keyFilePath;
    }

    public async Task<IReadOnlyList<MemberKey>> LoadAsync(CancellationToken cancellationToken)
    {
        var fileKey = await ReadKeyFileAsync(_keyFilePath, cancellationToken).ConfigureAwait(false);
        byte[] file;
        try
        {
            file = await File.ReadAllBytesAsync(_path, cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            throw new InvalidDataException($"Member key file '{_path}' does not exist.");
        }

        return Decrypt(file, fileKey, _path);
    }

    public static async Task WriteAsync(string path, string keyFilePath, IReadOnlyList<MemberKey> members, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(members);
        var fileKey = await ReadKeyFileAsync(keyFilePath, cancellationToken).ConfigureAwait(false);
        using var plain = new MemoryStream();
        Span<byte> count = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(count, (uint)members.Count);
        plain.Write(count);
        foreach (var member in members)
        {
            var id = Encoding.UTF8.GetBytes(member.MemberId);
            if (id.Length > 255)
            {
                throw new ArgumentException($"Member id '{member.MemberId}' is longer than 255 UTF-8 bytes.", nameof(members));
            }

            plain.WriteByte((byte)id.Length);
            plain.Write(id);
            plain.Write(member.Key);
        }

        var plaintext = plain.ToArray();
        var output = new byte[4 + 12 + 16 + plaintext.Length];
        Magic.CopyTo(output);
        var nonce = output.AsSpan(4, 12);
        RandomNumberGenerator.Fill(nonce);
        using (var gcm = new AesGcm(fileKey, 16))
        {
            gcm.Encrypt(nonce, plaintext, output.AsSpan(32), output.AsSpan(16, 16), Magic);
        }

        CryptographicOperations.ZeroMemory(plaintext);
        var temporary = path + ".tmp";
        await File.WriteAllBytesAsync(temporary, output, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Creates a new random 32-byte key file readable by its owner only.</summary>
    public static void CreateKeyFile(string keyFilePath)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(keyFilePath, options);
        stream.Write(RandomNumberGenerator.GetBytes(32));
    }

    internal static IReadOnlyList<MemberKey> Decrypt(byte[] file, byte[] fileKey, string path)
    {
        if (file.Length < 4 + 12 + 16 + 4 || !file.AsSpan(0, 4).SequenceEqual(Magic))
        {
            throw new InvalidDataException($"'{path}' is not a member key file (expected the EMK1 header).");
        }

        var plaintext = new byte[file.Length - 32];
        try
        {
            using var gcm = new AesGcm(fileKey, 16);
            gcm.Decrypt(file.AsSpan(4, 12), file.AsSpan(32), file.AsSpan(16, 16), plaintext, Magic);
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new InvalidDataException($"Member key file '{path}' failed authentication: wrong key file, or the file was altered.");
        }

        try
        {
            return Parse(plaintext, path);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private static List<MemberKey> Parse(ReadOnlySpan<byte> plain, string path)
    {
        var count = BinaryPrimitives.ReadUInt32BigEndian(plain);
        var rest = plain[4..];
        var members = new List<MemberKey>((int)Math.Min(count, 1_000_000));
        for (var i = 0u; i < count; i++)
        {
            if (rest.IsEmpty || rest.Length < 1 + rest[0] + 16)
            {
                throw new InvalidDataException($"Member key file '{path}' is inconsistent at entry {i}.");
            }

            var id = Encoding.UTF8.GetString(rest.Slice(1, rest[0]));
            members.Add(new MemberKey(id, rest.Slice(1 + rest[0], 16).ToArray()));
            rest = rest[(1 + rest[0] + 16)..];
        }

        return members;
    }

    private static async Task<byte[]> ReadKeyFileAsync(string keyFilePath, CancellationToken cancellationToken)
    {
        byte[] key;
        try
        {
            key = await File.ReadAllBytesAsync(keyFilePath, cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            throw new InvalidDataException($"Member key-encryption key file '{keyFilePath}' does not exist.");
        }

        if (key.Length != 32)
        {
            throw new InvalidDataException($"Key file '{keyFilePath}' must hold exactly 32 bytes (AES-256), not {key.Length}.");
        }

        return key;
    }
}
