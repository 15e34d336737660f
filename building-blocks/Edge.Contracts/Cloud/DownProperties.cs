using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Edge.Contracts.Cloud;

/// <summary>
/// The envelope of a downstream message travels in MQTT 5 user properties, so that the payload is the body's exact
/// bytes and a signature covers them without any JSON canonicalisation.
/// </summary>
public static class DownProperties
{
    /// <summary>Idempotency key (1-128 of [A-Za-z0-9._:-]).</summary>
    public const string MessageId = "message-id";

    /// <summary>Per-kind sequence, decimal, from 1, increasing by one.</summary>
    public const string Sequence = "sequence";

    /// <summary>Store the message is for; must equal the hub's store id.</summary>
    public const string StoreId = "store-id";

    /// <summary>Cloud time of issue, ISO 8601 round-trip.</summary>
    public const string IssuedAt = "issued-at";

    /// <summary>Base64 ECDSA P-256 / SHA-256 signature (IEEE P1363) over <see cref="SignedMessage"/>.</summary>
    public const string Signature = "signature";

    /// <summary>Model bundle chunks: bundle id, chunk index (from 0), chunk count, sha256 (hex) of the whole bundle file.</summary>
    public const string BundleId = "bundle-id";
    public const string ChunkIndex = "chunk-index";
    public const string ChunkCount = "chunk-count";
    public const string BundleSha256 = "bundle-sha256";

    private static readonly byte[] s_domain = Encoding.ASCII.GetBytes("store-edge down v1\n");

    /// <summary>domain || "{store}\n{kind}\n{messageId}\n{sequence}\n" || sha256(payload).</summary>
    public static byte[] SignedMessage(string storeId, string kind, string messageId, long sequence, ReadOnlySpan<byte> payload)
    {
        var header = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{storeId}\n{kind}\n{messageId}\n{sequence}\n"));
        var message = new byte[s_domain.Length + header.Length + 32];
        s_domain.CopyTo(message, 0);
        header.CopyTo(message, s_domain.Length);
        SHA256.HashData(payload, message.AsSpan(s_domain.Length + header.Length));
        return message;
    }

    public static byte[] Sign(ECDsa key, string storeId, string kind, string messageId, long sequence, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.SignData(SignedMessage(storeId, kind, messageId, sequence, payload), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    public static bool Verify(ECDsa publicKey, string storeId, string kind, string messageId, long sequence, ReadOnlySpan<byte> payload, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        return signature.Length == 64
            && publicKey.VerifyData(SignedMessage(storeId, kind, messageId, sequence, payload), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }
}
