using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Edge.ReferenceCloud.Claims;

/// <summary>
/// The fleet CA that signs hub certificates at claim: fleet-ca.crt and fleet-ca.key (PKCS#8, 0600) in a folder,
/// created on first start. A real cloud keeps this key in an HSM; the reference cloud is for demos and tests.
/// </summary>
internal sealed class FleetCa : IDisposable
{
    private FleetCa(X509Certificate2 certificate) => Certificate = certificate;

    public X509Certificate2 Certificate { get; }

    public string CertificatePath { get; private init; } = string.Empty;

    public static FleetCa LoadOrCreate(string directory, TimeProvider time)
    {
        var certPath = Path.Combine(directory, "fleet-ca.crt");
        var keyPath = Path.Combine(directory, "fleet-ca.key");
        if (!File.Exists(certPath) || !File.Exists(keyPath))
        {
            Directory.CreateDirectory(directory);
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=Store Edge Reference Fleet CA", key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            var now = time.GetUtcNow();
            using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
            WritePrivate(keyPath, key.ExportPkcs8PrivateKeyPem());
            File.WriteAllText(certPath, created.ExportCertificatePem());
        }

        var certificate = X509Certificate2.CreateFromPemFile(certPath, keyPath);
        return new FleetCa(certificate) { CertificatePath = certPath };
    }

    /// <summary>Signs a hub's CSR: client-auth certificate for the hub's own key, subject as the CSR asks.</summary>
    public X509Certificate2 Sign(CertificateRequest csr, TimeSpan lifetime, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(csr);
        csr.CertificateExtensions.Clear();
        csr.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        csr.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false)); // client auth
        // Back-dated a little for hub clocks that run behind, but never before the CA itself is valid (a CA made a
        // minute ago, as the demo's is, would make the signing fail).
        var now = time.GetUtcNow();
        var notBefore = now.AddMinutes(-5) < Certificate.NotBefore ? new DateTimeOffset(Certificate.NotBefore.ToUniversalTime()) : now.AddMinutes(-5);
        var notAfter = now + lifetime > Certificate.NotAfter ? new DateTimeOffset(Certificate.NotAfter.ToUniversalTime()) : now + lifetime;
        return csr.Create(Certificate, notBefore, notAfter, RandomNumberGenerator.GetBytes(16));
    }

    public void Dispose() => Certificate.Dispose();

    private static void WritePrivate(string path, string content)
    {
        using var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
        using var writer = new StreamWriter(stream);
        writer.Write(content);
    }
}
