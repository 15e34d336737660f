using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Members;

/// <summary>
/// Encrypts members' rotating-ID keys at rest: AES-256-GCM under the hub key file, nonce | tag | ciphertext, the
/// member id as associated data (a key row copied to another member fails authentication).
/// </summary>
internal sealed class HubKey
{
    private readonly byte[] _key;

    public HubKey(IOptions<MembersOptions> options) => _key = KeyFiles.LoadOrCreate(options.Value.HubKeyFile);

    public byte[] Encrypt(string memberId, ReadOnlySpan<byte> memberKey)
    {
        var output = new byte[12 + 16 + memberKey.Length];
        RandomNumberGenerator.Fill(output.AsSpan(0, 12));
        using var gcm = new AesGcm(_key, 16);
        gcm.Encrypt(output.AsSpan(0, 12), memberKey, output.AsSpan(28), output.AsSpan(12, 16), Encoding.UTF8.GetBytes(memberId));
        return output;
    }

    public byte[] Decrypt(string memberId, ReadOnlySpan<byte> cipher)
    {
        if (cipher.Length < 29)
        {
            throw new CryptographicException($"Stored key of member '{memberId}' is truncated.");
        }

        var plain = new byte[cipher.Length - 28];
        using var gcm = new AesGcm(_key, 16);
        gcm.Decrypt(cipher[..12], cipher[28..], cipher.Slice(12, 16), plain, Encoding.UTF8.GetBytes(memberId));
        return plain;
    }
}
