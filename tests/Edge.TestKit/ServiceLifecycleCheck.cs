using System.Net;

namespace Edge.TestKit;

/// <summary>What one start/health/SIGTERM cycle of a real service process showed.</summary>
public sealed record ServiceLifecycleResult(
    IReadOnlyList<string> NotifyMessages,
    HttpStatusCode? HealthStatus,
    string? HealthBody,
    TimeSpan StopDuration,
    int ExitCode,
    string Output);

/// <summary>
/// Starts a built service as systemd would (NOTIFY_SOCKET owned by the test, a real broker), waits for
/// READY=1, optionally GETs /healthz, sends SIGTERM and waits for STOPPING=1 and the exit. Every service's
/// test project runs this once, so "starts, says READY, serves health, stops on SIGTERM" is proven per service.
/// </summary>
public static class ServiceLifecycleCheck
{
    public static async Task<ServiceLifecycleResult> RunAsync(
        string projectDirectory,
        string dllName,
        MosquittoBroker broker,
        Uri? healthUrl = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(broker);
        using var notify = new NotifySocketListener();
        using var configDir = new TempDirectory("etc-store-edge");
        var env = new Dictionary<string, string?>
        {
            ["NOTIFY_SOCKET"] = notify.Address,
            ["EDGE_CONFIG_DIR"] = configDir.Path,
            ["Edge__Broker__Host"] = broker.Host,
            ["Edge__Broker__Port"] = broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DOTNET_NOLOGO"] = "1",
        };
        foreach (var (k, v) in environment ?? new Dictionary<string, string?>())
        {
            env[k] = v;
        }

        await using var service = ServiceProcess.Start(ServiceProcess.BinaryPath(projectDirectory, dllName), env);
        var messages = new List<string>();
        try
        {
            messages.AddRange(await notify.ReceiveUntilAsync("READY=1", TimeSpan.FromSeconds(30)).ConfigureAwait(false));
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException(ex.Message + "\nService output:\n" + service.Output, ex);
        }

        HttpStatusCode? status = null;
        string? body = null;
        if (healthUrl is not null)
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            using var response = await http.GetAsync(healthUrl).ConfigureAwait(false);
            status = response.StatusCode;
            body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        }

        var stop = await service.TerminateAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        messages.AddRange(await notify.ReceiveUntilAsync("STOPPING=1", TimeSpan.FromSeconds(5)).ConfigureAwait(false));
        var exit = await service.WaitForExitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        return new ServiceLifecycleResult(messages, status, body, stop, exit, service.Output);
    }
}
