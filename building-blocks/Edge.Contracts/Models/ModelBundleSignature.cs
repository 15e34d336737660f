using System.Security.Cryptography;
using System.Text;

namespace Edge.Contracts.Models;

/// <summary>
/// Signing and checking a bundle. The signed message is <see cref="SignedMessage"/>: a domain label, then the
/// sha256 of manifest.json's bytes, then the sha256 of model.onnx's bytes, so neither file can change (or be swapped
/// with another bundle's) without breaking the signature. ECDSA P-256 with SHA-256, signature in IEEE P1363 form.
/// .NET's ECDSA signatures are randomised, so the signature file is not reproducible; model.onnx and
/// manifest.json are (see docs/models.md).
/// </summary>
public static class ModelBundleSignature
{
    private static readonly byte[] s_domain = Encoding.ASCII.GetBytes("store-edge model bundle v1\n");

    /// <summary>The exact bytes that are signed: domain label || sha256(manifest) || sha256(model).</summary>
    public static byte[] SignedMessage(ReadOnlySpan<byte> manifest, ReadOnlySpan<byte> model)
    {
        var message = new byte[s_domain.Length + 64];
        s_domain.CopyTo(message, 0);
        SHA256.HashData(manifest, message.AsSpan(s_domain.Length, 32));
        SHA256.HashData(model, message.AsSpan(s_domain.Length + 32, 32));
        return message;
    }

    /// <summary>Signs with a P-256 private key; returns the 64-byte P1363 signature.</summary>
    public static byte[] Sign(ECDsa key, ReadOnlySpan<byte> manifest, ReadOnlySpan<byte> model)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.SignData(SignedMessage(manifest, model), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    /// <summary>True when <paramref name="signature"/> was made over these two files by the holder of <paramref name="publicKey"/>.</summary>
    public static bool Verify(ECDsa publicKey, ReadOnlySpan<byte> manifest, ReadOnlySpan<byte> model, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        return signature.Length == 64
            && publicKey.VerifyData(SignedMessage(manifest, model), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }
}
