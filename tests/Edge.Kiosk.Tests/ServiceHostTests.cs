using System.Globalization;
using System.Net;
using Edge.TestKit;

namespace Edge.Kiosk.Tests;

public sealed class ServiceHostTests
{
    [RequiresMosquittoFact]
    public async Task Service_StartedUnderSystemd_SaysReadyServesHealthzAndStopsOnSigtermWithin5s()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var state = new TempDirectory("kiosk-host");
        var port = FreePort.Next();
        var url = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";

        var result = await ServiceLifecycleCheck.RunAsync(
            "kiosk-ui/Edge.Kiosk", "kiosk-ui.dll", broker, new Uri(url + "/healthz"),
            new Dictionary<string, string?>
            {
                ["Kiosk__Url"] = url,
                ["Kiosk__AdminUrl"] = $"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}",
                ["Kiosk__DatabasePath"] = state.File("kiosk.db"),
                ["KioskSignage__PlaylistPath"] = state.File("playlist.json"),
                ["KioskSignage__AssetDirectory"] = state.Sub("assets"),
            });

        Assert.Contains(result.NotifyMessages, m => m.StartsWith("READY=1", StringComparison.Ordinal));
        Assert.Contains(result.NotifyMessages, m => m.StartsWith("STOPPING=1", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, result.HealthStatus);
        Assert.Contains("\"local-broker\":{\"status\":\"Healthy\"", result.HealthBody, StringComparison.Ordinal);
        Assert.True(result.StopDuration < TimeSpan.FromSeconds(5), $"stopped after {result.StopDuration}");
        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}; output:\n{result.Output}");
    }
}
