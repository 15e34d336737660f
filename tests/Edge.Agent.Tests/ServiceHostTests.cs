using System.Globalization;
using System.Net;
using Edge.TestKit;

namespace Edge.Agent.Tests;

public sealed class ServiceHostTests
{
    [RequiresMosquittoFact]
    public async Task Service_StartedUnderSystemd_SaysReadyServesHealthzAndStopsOnSigtermWithin5s()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var dir = new TempDirectory("edge-agent-host");
        var port = FreePort.Next();
        var url = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";

        var result = await ServiceLifecycleCheck.RunAsync(
            "edge-agent/Edge.Agent", "edge-agent.dll", broker, new Uri(url + "/healthz"),
            new Dictionary<string, string?>
            {
                ["EdgeAgent__Api__Url"] = url,
                ["EdgeAgent__Storage__DatabasePath"] = dir.File("agent.db"),
                ["EdgeAgent__Members__HubKeyFile"] = dir.File("hub.key"),
                ["EdgeAgent__Members__BeaconKeyFile"] = dir.File("keys.emk"),
                ["EdgeAgent__Members__BeaconKeyEncryptionKeyFile"] = dir.File("keys.kek"),
            });

        Assert.Contains(result.NotifyMessages, m => m.StartsWith("READY=1", StringComparison.Ordinal));
        Assert.Contains(result.NotifyMessages, m => m.StartsWith("STOPPING=1", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, result.HealthStatus);
        Assert.Contains("\"local-broker\":{\"status\":\"Healthy\"", result.HealthBody, StringComparison.Ordinal);
        Assert.True(result.StopDuration < TimeSpan.FromSeconds(5), $"stopped after {result.StopDuration}");
        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}; output:\n{result.Output}");
    }
}
