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
        using var server = TestCertificateFactory.Issue(ca, "CN=cloud-broker", serverAuth: true, validDays: 90);
        ServerCertificateFile = WriteCertificate("server.pem", server);
        ServerKeyFile = WriteKey("server.key", server);
        using var hub = TestCertificateFactory.Issue(ca, "CN=store-1-hub-1", serverAuth: false, validDays: 90);
        HubCertificateFile = WriteCertificate("hub.pem", hub);
        HubKeyFile = WriteKey("hub.key", hub);
        HubNotAfter = hub.NotAfter.ToUniversalTime();
        using var consumer = TestCertificateFactory.Issue(ca, "CN=cloud-consumer", serverAuth: false, validDays: 90);
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

    private static X509Certificate2 CreateCa(string name) => TestCertificateFactory.CreateCa(name, validDays: 365);

    private string WriteCertificate(string name, X509Certificate2 certificate) => TestCertificateFactory.WriteCertificate(_dir, name, certificate);

    private string WriteKey(string name, X509Certificate2 certificate) => TestCertificateFactory.WriteKey(_dir, name, certificate);
}
