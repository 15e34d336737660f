using System.Security.Cryptography;
using Edge.Contracts.Models;
using Edge.Trainer.Offers;

namespace Edge.Trainer.Tests.Offers;

public sealed class BundleSignatureTests
{
    private static readonly byte[] s_manifest = "{\"modelId\":\"offers\"}\n"u8.ToArray();
    private static readonly byte[] s_model = [8, 1, 2, 3, 4];

    [Fact]
    public void Verify_SignedByDevKey_True()
    {
        using var key = DevSigningKey.Create();
        var signature = ModelBundleSignature.Sign(key, s_manifest, s_model);
        Assert.Equal(64, signature.Length);
        Assert.True(ModelBundleSignature.Verify(key, s_manifest, s_model, signature));
    }

    [Fact]
    public void Verify_ModelByteChanged_False()
    {
        using var key = DevSigningKey.Create();
        var signature = ModelBundleSignature.Sign(key, s_manifest, s_model);
        byte[] tampered = [.. s_model];
        tampered[^1] ^= 1;
        Assert.False(ModelBundleSignature.Verify(key, s_manifest, tampered, signature));
    }

    [Fact]
    public void Verify_ManifestAndModelSwapped_False()
    {
        // The hashes are in fixed positions, so moving bytes from one file to the other breaks the signature.
        using var key = DevSigningKey.Create();
        var signature = ModelBundleSignature.Sign(key, s_manifest, s_model);
        Assert.False(ModelBundleSignature.Verify(key, s_model, s_manifest, signature));
    }

    [Fact]
    public void Verify_OtherKey_False()
    {
        using var dev = DevSigningKey.Create();
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signature = ModelBundleSignature.Sign(other, s_manifest, s_model);
        Assert.False(ModelBundleSignature.Verify(dev, s_manifest, s_model, signature));
    }

    [Fact]
    public void Create_DevKey_IsDeterministicFromSeed()
    {
        using var a = DevSigningKey.Create();
        using var b = DevSigningKey.Create();
        Assert.Equal(a.ExportSubjectPublicKeyInfoPem(), b.ExportSubjectPublicKeyInfoPem());
    }
}
