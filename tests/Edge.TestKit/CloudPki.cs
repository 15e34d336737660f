using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace Edge.TestKit;

/// <summary>
/// A throw-away PKI made in the test: the cloud CA, the cloud broker's certificate for 127.0.0.1, the hub's client
/// certificate (what edge-provision claim would write), a cloud consumer's certificate, and an unrelated CA.
/// Writes cloud.json the way provisioning does. Shared by cloud-sync's tests and its benchmark.
/// </summary>
public sealed class CloudPki : IDisposable
{
    private readonly TempDirectory _dir = new("cloud-pki");

    public CloudPki()
    {
        using var ca = CreateCa("Loyalty Cloud Test CA");
        using var other = CreateCa("Unrelated CA");
        CaFile = WriteCertificate("ca.pem", ca);
        OtherCaFile = WriteCertificate("other-ca.pem", other);
        using var server = Issue(ca, "CN=cloud-broker", serverAuth: true);
        ServerCertificateFile = WriteCertificate("server.pem", server);
        ServerKeyFile = WriteKey("server.key", server);
        using var hub = Issue(ca, "CN=store-1-hub-1", serverAuth: false);
        HubCertificateFile = WriteCertificate("hub.pem", hub);
        HubKeyFile = WriteKey("hub.key", hub);
        HubNotAfter = hub.NotAfter.ToUniversalTime();
        using var consumer = Issue(ca, "CN=cloud-consumer", serverAuth: false);
        ConsumerCertificateFile = WriteCertificate("consumer.pem", consumer);
        ConsumerKeyFile = WriteKey("consumer.key", consumer);
    }

    public string Directory => _dir.Path;

    public string CaFile { get; }

    public string OtherCaFile { get; }

    public string ServerCertificateFile { get; }

    public string ServerKeyFile { get; }

    public string HubCertificateFile { get; }

    public string HubKeyFile { get; }

    public DateTime HubNotAfter { get; }

    public string ConsumerCertificateFile { get; }

    public string ConsumerKeyFile { get; }

    /// <summary>mosquitto.conf lines: a TLS listener that requires a client certificate from this CA.</summary>
    public IEnumerable<string> ListenerConfig(int port) =>
    [
        $"listener {port} 127.0.0.1",
        "allow_anonymous true",
        "cafile " + CaFile,
        "certfile " + ServerCertificateFile,
        "keyfile " + ServerKeyFile,
        "require_certificate true",
    ];

    /// <summary>Writes cloud.json with the contract edge-provision claim writes it with, and returns its path.</summary>
    public string WriteCloudJson(string storeId, string hubId, string region, int port, string? caFile = null)
    {
        var path = _dir.File($"cloud-{Guid.NewGuid():N}.json");
        var identity = new Edge.Contracts.Provisioning.CloudIdentity(
            storeId, hubId, region, $"mqtts://127.0.0.1:{port}", HubCertificateFile, HubKeyFile, caFile ?? CaFile, DateTimeOffset.UnixEpoch);
        File.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(identity, Edge.Contracts.Provisioning.ClaimJsonContext.Default.CloudIdentity));
        return path;
    }

    public void Dispose() => _dir.Dispose();

    private static X509Certificate2 CreateCa(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(365));
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string subject, bool serverAuth)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        if (serverAuth)
        {
            var san = new SubjectAlternativeNameBuilder();
            san.AddIpAddress(IPAddress.Loopback);
            san.AddDnsName("localhost");
            request.CertificateExtensions.Add(san.Build());
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(90), serial);
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
