using Edge.TestKit;

namespace Edge.Messaging.Tests.Broker;

public sealed class TlsTests
{
    [RequiresMosquittoFact]
    public async Task ConnectAsync_TlsWithTheRightCa_RoundTrips()
    {
        using var pki = new TestCertificates();
        var port = FreePort.Next();
        await using var broker = await MosquittoBroker.StartAsync(pki.ListenerConfig(port, requireClientCertificate: false), port, listenerOnDefaultPort: false);
        await using var client = await TestClients.ConnectedAsync($"mqtts://127.0.0.1:{port}", o => o.CaFile = pki.CaFile);

        await client.SubscribeAsync("tls/test");
        await client.PublishAsync(MqttMessage.FromString("tls/test", "over TLS"));

        Assert.Equal("over TLS", (await client.NextAsync()).PayloadAsString());
    }

    [RequiresMosquittoFact]
    public async Task ConnectAsync_MutualTlsWithClientCertificate_RoundTrips()
    {
        using var pki = new TestCertificates();
        var port = FreePort.Next();
        await using var broker = await MosquittoBroker.StartAsync(pki.ListenerConfig(port, requireClientCertificate: true), port, listenerOnDefaultPort: false);
        await using var client = await TestClients.ConnectedAsync($"mqtts://localhost:{port}", o =>
        {
            o.CaFile = pki.CaFile;
            o.ClientCertificateFile = pki.ClientCertificateFile;
            o.ClientKeyFile = pki.ClientKeyFile;
        });

        await client.SubscribeAsync("mtls/test");
        await client.PublishAsync(MqttMessage.FromString("mtls/test", "mutual"));

        Assert.Equal("mutual", (await client.NextAsync()).PayloadAsString());
    }

    [RequiresMosquittoFact]
    public async Task ConnectAsync_WrongCa_ThrowsNamingTheEndpointAndTheVerificationFailure()
    {
        using var pki = new TestCertificates();
        var port = FreePort.Next();
        await using var broker = await MosquittoBroker.StartAsync(pki.ListenerConfig(port, requireClientCertificate: false), port, listenerOnDefaultPort: false);
        await using var client = TestClients.Create($"mqtts://127.0.0.1:{port}", o => o.CaFile = pki.OtherCaFile);

        var e = await Assert.ThrowsAsync<MqttException>(() => client.ConnectAsync().WaitAsync(TestClients.Timeout));

        Assert.Contains($"mqtts://127.0.0.1:{port}", e.Message, StringComparison.Ordinal);
        Assert.Contains("certificate verify failed", e.Message, StringComparison.Ordinal);
        Assert.Equal(MqttConnectionState.Disconnected, client.State);
    }

    [RequiresMosquittoFact]
    public async Task ConnectAsync_CertificateForAnotherHostName_RefusedBecauseHostNamesAreVerified()
    {
        using var pki = new TestCertificates(serverDnsName: "other-hub.invalid");
        var port = FreePort.Next();
        await using var broker = await MosquittoBroker.StartAsync(pki.ListenerConfig(port, requireClientCertificate: false), port, listenerOnDefaultPort: false);
        await using var client = TestClients.Create($"mqtts://127.0.0.1:{port}", o => o.CaFile = pki.CaFile);

        var e = await Assert.ThrowsAsync<MqttException>(() => client.ConnectAsync().WaitAsync(TestClients.Timeout));

        Assert.Contains("certificate verify failed", e.Message, StringComparison.Ordinal);
    }

    [RequiresMosquittoFact]
    public async Task ConnectAsync_MutualTlsWithoutClientCertificate_Refused()
    {
        using var pki = new TestCertificates();
        var port = FreePort.Next();
        await using var broker = await MosquittoBroker.StartAsync(pki.ListenerConfig(port, requireClientCertificate: true), port, listenerOnDefaultPort: false);
        await using var client = TestClients.Create($"mqtts://127.0.0.1:{port}", o => o.CaFile = pki.CaFile);

        var e = await Assert.ThrowsAsync<MqttException>(() => client.ConnectAsync().WaitAsync(TestClients.Timeout));

        Assert.Contains($"mqtts://127.0.0.1:{port}", e.Message, StringComparison.Ordinal);
    }

    [RequiresMosquittoFact]
    public async Task ConnectAsync_ClientCertificateFromAnotherCa_Refused()
    {
        using var pki = new TestCertificates();
        var port = FreePort.Next();
        await using var broker = await MosquittoBroker.StartAsync(pki.ListenerConfig(port, requireClientCertificate: true), port, listenerOnDefaultPort: false);
        await using var client = TestClients.Create($"mqtts://127.0.0.1:{port}", o =>
        {
            o.CaFile = pki.CaFile;
            o.ClientCertificateFile = pki.RogueClientCertificateFile;
            o.ClientKeyFile = pki.RogueClientKeyFile;
        });

        await Assert.ThrowsAsync<MqttException>(() => client.ConnectAsync().WaitAsync(TestClients.Timeout));
    }
}
