using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Edge.Provisioning.Backup;

/// <summary>
/// The backup envelope: "EDGEBAK1" | PBKDF2 iterations (uint32 BE) | salt (16) | nonce (12) | tag (16) | ciphertext.
/// Key = PBKDF2-HMAC-SHA256(passphrase, salt, iterations, 32 bytes) (600 000 iterations: OWASP's 2023 figure
/// for SHA-256), AES-256-GCM with the header as associated data, so a changed iteration count or salt fails
/// authentication like a wrong passphrase does. Argon2 would be stronger against GPUs but is not in the BCL.
/// </summary>
internal static class BackupCrypto
{
    public const int DefaultIterations = 600_000;
    private static readonly byte[] Magic = "EDGEBAK1"u8.ToArray();
    private const int SaltLength = 16;
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private const int HeaderLength = 8 + 4 + SaltLength + NonceLength;

    public static byte[] Encrypt(ReadOnlySpan<byte> plaintext, string passphrase, int iterations)
    {
        var output = new byte[HeaderLength + TagLength + plaintext.Length];
        var header = output.AsSpan(0, HeaderLength);
        Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt32BigEndian(header[8..], (uint)iterations);
        RandomNumberGenerator.Fill(header.Slice(12, SaltLength));
        RandomNumberGenerator.Fill(header.Slice(12 + SaltLength, NonceLength));

        var key = DeriveKey(passphrase, header.Slice(12, SaltLength), iterations);
        using var aes = new AesGcm(key, TagLength);
        aes.Encrypt(header.Slice(12 + SaltLength, NonceLength), plaintext, output.AsSpan(HeaderLength + TagLength), output.AsSpan(HeaderLength, TagLength), header);
        CryptographicOperations.ZeroMemory(key);
        return output;
    }

    /// <summary>Decrypts, or throws <see cref="CliException"/> with one line for a wrong passphrase or a damaged file.</summary>
    public static byte[] Decrypt(ReadOnlySpan<byte> envelope, string passphrase)
    {
        if (envelope.Length < HeaderLength + TagLength || !envelope[..8].SequenceEqual(Magic))
        {
            throw new CliException("this is not an edge-provision backup (or it is truncated)", ExitCodes.DataError);
        }

        var header = envelope[..HeaderLength];
        var iterations = BinaryPrimitives.ReadUInt32BigEndian(header[8..]);
        if (iterations is < 1000 or > 10_000_000)
        {
            throw new CliException("the backup's header is damaged", ExitCodes.DataError);
        }

        var key = DeriveKey(passphrase, header.Slice(12, SaltLength), (int)iterations);
        var plaintext = new byte[envelope.Length - HeaderLength - TagLength];
        try
        {
            using var aes = new AesGcm(key, TagLength);
            aes.Decrypt(header.Slice(12 + SaltLength, NonceLength), envelope[(HeaderLength + TagLength)..], envelope.Slice(HeaderLength, TagLength), plaintext, header);
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new CliException("wrong passphrase, or the backup file is damaged; nothing was restored", ExitCodes.DataError);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static byte[] DeriveKey(string passphrase, ReadOnlySpan<byte> salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(passphrase), salt, iterations, HashAlgorithmName.SHA256, 32);
}
