using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Edge.Provisioning.Claim;

/// <summary>Checks that a certificate really is this hub's: its public key is ours and it names our hub.</summary>
internal static class ClaimedCertificate
{
    /// <summary>Null when it fits, otherwise why not.</summary>
    public static string? Mismatch(X509Certificate2 certificate, ECDsa key, string hubId, TimeProvider time)
    {
        using var certificateKey = certificate.GetECDsaPublicKey();
        if (certificateKey is null || !certificateKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(key.ExportSubjectPublicKeyInfo()))
        {
            return "the certificate is not for this hub's key";
        }

        if (certificate.GetNameInfo(X509NameType.SimpleName, false) != hubId)
        {
            return $"the certificate names '{certificate.GetNameInfo(X509NameType.SimpleName, false)}', not hub '{hubId}'";
        }

        var now = time.GetUtcNow();
        return now >= new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero) ? "the certificate has expired" : null;
    }
}
