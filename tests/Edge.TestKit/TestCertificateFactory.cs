using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Edge.TestKit;

/// <summary>
/// Throw-away P-256 certificates for TLS tests, made with System.Security.Cryptography and written as PEM: the one
/// recipe behind <see cref="CloudPki"/> and the MQTT client's own TLS tests.
/// </summary>
public static class TestCertificateFactory
{
    private const string ServerAuth = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuth = "1.3.6.1.5.5.7.3.2";

    public static X509Certificate2 CreateCa(string name, int validDays)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(validDays));
    }

    /// <summary>A leaf signed by <paramref name="ca"/>; a server certificate names 127.0.0.1 and localhost unless <paramref name="dnsName"/> is given.</summary>
    public static X509Certificate2 Issue(X509Certificate2 ca, string subject, bool serverAuth, int validDays, string? dnsName = null)
    {
        ArgumentNullException.ThrowIfNull(ca);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(serverAuth ? ServerAuth : ClientAuth)], false));
        if (serverAuth)
        {
            var san = new SubjectAlternativeNameBuilder();
            if (dnsName is null)
            {
                san.AddIpAddress(IPAddress.Loopback);
                san.AddDnsName("localhost");
            }
            else
            {
                san.AddDnsName(dnsName);
            }

            request.CertificateExtensions.Add(san.Build());
        }

        // A positive 128-bit serial (RFC 5280 4.1.2.2).
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(validDays), serial);
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>Writes the certificate as PEM into <paramref name="dir"/> and returns the path.</summary>
    public static string WriteCertificate(TempDirectory dir, string name, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(dir);
        ArgumentNullException.ThrowIfNull(certificate);
        var path = dir.File(name);
        File.WriteAllText(path, certificate.ExportCertificatePem());
        return path;
    }

    /// <summary>Writes the certificate's private key as PKCS#8 PEM into <paramref name="dir"/> and returns the path.</summary>
    public static string WriteKey(TempDirectory dir, string name, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(dir);
        ArgumentNullException.ThrowIfNull(certificate);
        var path = dir.File(name);
        using var key = certificate.GetECDsaPrivateKey()!;
        File.WriteAllText(path, key.ExportPkcs8PrivateKeyPem());
        return path;
    }
}
