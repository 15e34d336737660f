using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Edge.TestKit;

namespace Edge.Messaging.Tests.Broker;

/// <summary>
/// A throw-away PKI made in the test with System.Security.Cryptography and written as PEM: a CA, a broker
/// certificate for 127.0.0.1/localhost (or another name, to prove host name verification), a client
/// certificate for mutual TLS, and an unrelated CA that must be refused.
/// </summary>
internal sealed class TestCertificates : IDisposable
{
    private readonly TempDirectory _dir = new("mqtt-pki");

    public TestCertificates(string? serverDnsName = null)
    {
        using var ca = CreateCa("Edge Test CA");
        using var otherCa = CreateCa("Unrelated CA");
        CaFile = WriteCertificate("ca.pem", ca);
        OtherCaFile = WriteCertificate("other-ca.pem", otherCa);

        using var server = Issue(ca, "CN=edge-hub", serverDnsName, serverAuth: true);
        ServerCertificateFile = WriteCertificate("server.pem", server);
        ServerKeyFile = WriteKey("server.key", server);

        using var client = Issue(ca, "CN=beacon-gateway", null, serverAuth: false);
        ClientCertificateFile = WriteCertificate("client.pem", client);
        ClientKeyFile = WriteKey("client.key", client);

        using var rogue = Issue(otherCa, "CN=rogue", null, serverAuth: false);
        RogueClientCertificateFile = WriteCertificate("rogue.pem", rogue);
        RogueClientKeyFile = WriteKey("rogue.key", rogue);
    }

    public string CaFile { get; }

    public string OtherCaFile { get; }

    public string ServerCertificateFile { get; }

    public string ServerKeyFile { get; }

    public string ClientCertificateFile { get; }

    public string ClientKeyFile { get; }

    public string RogueClientCertificateFile { get; }

    public string RogueClientKeyFile { get; }

    /// <summary>mosquitto.conf lines for a TLS listener on <paramref name="port"/>.</summary>
    public IEnumerable<string> ListenerConfig(int port, bool requireClientCertificate) =>
    [
        $"listener {port} 127.0.0.1",
        "allow_anonymous true",
        "cafile " + CaFile,
        "certfile " + ServerCertificateFile,
        "keyfile " + ServerKeyFile,
        "require_certificate " + (requireClientCertificate ? "true" : "false"),
    ];

    public void Dispose() => _dir.Dispose();

    private static X509Certificate2 CreateCa(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string subject, string? dnsName, bool serverAuth)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
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

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(29), serial);
        return issued.CopyWithPrivateKey(key);
    }

    private string WriteCertificate(string name, X509Certificate2 certificate)
    {
        var path = _dir.File(name);
        File.WriteAllText(path, certificate.ExportCertificatePem());
        return path;
    }

    private string WriteKey(string name, X509Certificate2 certificate)
    {
        var path = _dir.File(name);
        using var key = certificate.GetECDsaPrivateKey()!;
        File.WriteAllText(path, key.ExportPkcs8PrivateKeyPem());
        return path;
    }
}
