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

        using var server = TestCertificateFactory.Issue(ca, "CN=edge-hub", serverAuth: true, validDays: 29, dnsName: serverDnsName);
        ServerCertificateFile = WriteCertificate("server.pem", server);
        ServerKeyFile = WriteKey("server.key", server);

        using var client = TestCertificateFactory.Issue(ca, "CN=beacon-gateway", serverAuth: false, validDays: 29, dnsName: null);
        ClientCertificateFile = WriteCertificate("client.pem", client);
        ClientKeyFile = WriteKey("client.key", client);

        using var rogue = TestCertificateFactory.Issue(otherCa, "CN=rogue", serverAuth: false, validDays: 29, dnsName: null);
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

    private static X509Certificate2 CreateCa(string name) => TestCertificateFactory.CreateCa(name, validDays: 30);

    private string WriteCertificate(string name, X509Certificate2 certificate) => TestCertificateFactory.WriteCertificate(_dir, name, certificate);

    private string WriteKey(string name, X509Certificate2 certificate) => TestCertificateFactory.WriteKey(_dir, name, certificate);
}
