using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Edge.TestKit;

namespace Edge.Deploy.Tests;

/// <summary>Starts a real mosquitto with deploy/mosquitto/store-edge.conf and acl, paths moved to a temp folder.</summary>
public sealed class MosquittoConfigTests
{
    [RequiresMosquittoFact]
    public async Task HubConfig_RealBroker_RefusesAnonymousAndAppliesServiceAcl()
    {
        if (ExternalTools.Find("mosquitto_passwd") is null || ExternalTools.Find("mosquitto_pub") is null)
        {
            Assert.Fail("mosquitto_passwd / mosquitto_pub missing: " + ExternalTools.SetupHint);
        }

        using var dir = new TempDirectory("hub-broker");
        var (config, port) = RenderHubConfig(dir);
        await ProcessRunner.RunAsync("mosquitto_passwd", "-c", "-b", dir.File("passwd"), "store-edge-kiosk-ui", "kiosk-secret");
        await ProcessRunner.RunAsync("mosquitto_passwd", "-b", dir.File("passwd"), "store-edge-edge-agent", "agent-secret");
        await using var broker = await MosquittoBroker.StartAsync(config, port, listenerOnDefaultPort: false);
        var p = port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var anonymous = await ProcessRunner.RunAsync("mosquitto_pub", "-h", "127.0.0.1", "-p", p, "-t", "store/kiosk/events/x", "-m", "hi", "-q", "1");
        var agentAlert = await ProcessRunner.RunAsync("mosquitto_pub", "-V", "5", "-h", "127.0.0.1", "-p", p, "-u", "store-edge-edge-agent", "-P", "agent-secret", "-t", "store/staff/alerts/zone-1", "-m", "x", "-q", "1");
        var kioskAlert = await ProcessRunner.RunAsync("mosquitto_pub", "-V", "5", "-h", "127.0.0.1", "-p", p, "-u", "store-edge-kiosk-ui", "-P", "kiosk-secret", "-t", "store/staff/alerts/zone-1", "-m", "x", "-q", "1");

        Assert.NotEqual(0, anonymous.Code);
        Assert.Contains("not authori", anonymous.Stderr + anonymous.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.True(agentAlert.Code == 0, agentAlert.Stderr);
        // MQTT 5 PUBACK reason 135 (not authorized): mosquitto_pub reports it and fails.
        Assert.Contains("not authori", kioskAlert.Stderr + kioskAlert.Stdout, StringComparison.OrdinalIgnoreCase);
    }

    private static (string[] Lines, int Port) RenderHubConfig(TempDirectory dir)
    {
        var deploy = Path.Combine(ExternalTools.RepoRoot, "deploy", "mosquitto");
        File.Copy(Path.Combine(deploy, "acl"), dir.File("acl"));
        WriteTls(dir.Sub("tls"));
        var port = FreePort.Next();
        var tlsPort = FreePort.Next();
        var lines = File.ReadAllLines(Path.Combine(deploy, "store-edge.conf"))
            // The fixture owns persistence and logging; everything else is the hub's configuration as shipped.
            .Where(l => !l.StartsWith("persistence", StringComparison.Ordinal) && !l.StartsWith("log_", StringComparison.Ordinal) && !l.StartsWith("autosave", StringComparison.Ordinal))
            .Select(l => l.Replace("/etc/mosquitto/store-edge", dir.Path, StringComparison.Ordinal)
                .Replace("listener 1883 127.0.0.1", $"listener {port} 127.0.0.1", StringComparison.Ordinal)
                .Replace("listener 8883", $"listener {tlsPort} 127.0.0.1", StringComparison.Ordinal))
            .ToArray();
        return (lines, port);
    }

    private static void WriteTls(string tlsDir)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caReq = new CertificateRequest("CN=Store Edge test CA", caKey, HashAlgorithmName.SHA256);
        caReq.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        var now = DateTimeOffset.UtcNow;
        using var ca = caReq.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var req = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        using var cert = req.Create(ca, now.AddDays(-1), now.AddDays(30), [1, 2, 3, 4]);
        File.WriteAllText(Path.Combine(tlsDir, "ca.crt"), ca.ExportCertificatePem());
        File.WriteAllText(Path.Combine(tlsDir, "server.crt"), cert.ExportCertificatePem());
        File.WriteAllText(Path.Combine(tlsDir, "server.key"), key.ExportPkcs8PrivateKeyPem());
    }
}
