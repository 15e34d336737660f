using Edge.TestKit;

namespace Edge.CloudSync.Tests;

public sealed class ServiceHostTests
{
    [RequiresMosquittoFact]
    public async Task Service_StartedUnderSystemd_SaysReadyAndStopsOnSigtermWithin5s()
    {
        await using var broker = await MosquittoBroker.StartAsync();

        var result = await ServiceLifecycleCheck.RunAsync("cloud-sync/Edge.CloudSync", "cloud-sync.dll", broker);

        Assert.Contains(result.NotifyMessages, m => m.StartsWith("READY=1", StringComparison.Ordinal));
        Assert.Contains(result.NotifyMessages, m => m.StartsWith("STOPPING=1", StringComparison.Ordinal));
        Assert.True(result.StopDuration < TimeSpan.FromSeconds(5), $"stopped after {result.StopDuration}");
        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}; output:\n{result.Output}");
    }

    [RequiresMosquittoFact]
    public async Task Service_BrokerMissing_ExitsWith69AndOneLine()
    {
        var port = FreePort.Next();
        using var configDir = new TempDirectory();
        await using var service = ServiceProcess.Start(
            ServiceProcess.BinaryPath("cloud-sync/Edge.CloudSync", "cloud-sync.dll"),
            new Dictionary<string, string?>
            {
                ["EDGE_CONFIG_DIR"] = configDir.Path,
                ["Edge__Broker__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Edge__Broker__StartupTimeout"] = "00:00:00",
            });

        var code = await service.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(69, code);
        Assert.Contains($"127.0.0.1:{port} is not reachable", service.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", service.Output, StringComparison.Ordinal);
    }
}
