using System.Diagnostics;
using System.Globalization;
using System.Text;
using Edge.Hosting.Clock;
using Edge.TestKit;

namespace Edge.Store.Tests.Harness;

/// <summary>
/// The whole store as `./edge demo` runs it: scripts/demo.sh in its waiting mode (not --check), on free loopback
/// ports, with a run folder and API tokens the test knows, and the hub on a store clock that runs <see cref="Speed"/>
/// times faster than real time (EDGE_DEMO_SPEED), so a store hour with the product's own timings (60 s dwell, 45 s
/// claim timeout, hourly aggregates) passes in minutes. Stopped with SIGTERM, which runs the script's own clean stop
/// (services first, brokers last).
/// </summary>
internal sealed class StoreDemo : IAsyncDisposable
{
    public const string Store = "demo-store";
    public const string KioskToken = "e2e-kiosk-token-0001";
    public const string WearableToken = "e2e-wearable-token-0001";
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(150);

    /// <summary>
    /// Store seconds per real second: a store hour in four minutes. Bounded by the slowest step a person plays in the
    /// test: a clerk's claim must land within the 45 s claim timeout, 3 s of real time at this speed.
    /// </summary>
    public const int Speed = 15;

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _running = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private StoreDemo(Process process, TempDirectory dir, IReadOnlyDictionary<string, int> ports)
    {
        _process = process;
        Directory = dir;
        BrokerPort = ports["BROKER"];
        CloudLocalPort = ports["CLOUD_LOCAL"];
        AgentUrl = Url(ports["AGENT"]);
        KioskUrl = Url(ports["KIOSK"]);
        CloudUrl = Url(ports["CLOUD"]);
        DashboardUrl = Url(ports["DASHBOARD"]);
        WearableUrl = Url(ports["WEARABLE"]);
    }

    public TempDirectory Directory { get; }

    public string RunDirectory => Directory.Path;

    public int BrokerPort { get; }

    public int CloudLocalPort { get; }

    public Uri AgentUrl { get; }

    public Uri KioskUrl { get; }

    public Uri CloudUrl { get; }

    public Uri DashboardUrl { get; }

    public Uri WearableUrl { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static StoreDemo Start()
    {
        var dir = new TempDirectory("store-e2e");
        var ports = new[] { "BROKER", "CLOUD_TLS", "CLOUD_LOCAL", "AGENT", "KIOSK", "KIOSK_ADMIN", "CLOUD", "DASHBOARD", "WEARABLE" }
            .ToDictionary(name => name, _ => FreePort.Next());
        var config = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var psi = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = ExternalTools.RepoRoot,
        };
        psi.ArgumentList.Add(Path.Combine(ExternalTools.RepoRoot, "scripts", "demo.sh"));
        psi.ArgumentList.Add(config);
        foreach (var key in new[] { "NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "EDGE_CONFIG_DIR" })
        {
            psi.Environment.Remove(key);
        }

        foreach (var (name, port) in ports)
        {
            psi.Environment[$"EDGE_DEMO_{name}_PORT"] = port.ToString(CultureInfo.InvariantCulture);
        }

        psi.Environment["EDGE_DEMO_DIR"] = dir.Path;
        psi.Environment["EDGE_DEMO_KIOSK_TOKEN"] = KioskToken;
        psi.Environment["EDGE_DEMO_WEARABLE_TOKEN"] = WearableToken;
        psi.Environment["EDGE_DEMO_SPEED"] = Speed.ToString(CultureInfo.InvariantCulture);
        psi.Environment["EDGE_DEMO_DWELL"] = "00:01:00"; // the product's default, in store time
        var process = new Process { StartInfo = psi };
        var demo = new StoreDemo(process, dir, ports);
        process.OutputDataReceived += (_, e) => demo.Append(e.Data);
        process.ErrorDataReceived += (_, e) => demo.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return demo;
    }

    /// <summary>Completes when the script printed its URLs (every part up, members enrolled); throws with the output when it exited first.</summary>
    public async Task WaitUntilRunningAsync()
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_running.Task, exited).WaitAsync(StartTimeout);
        if (first != _running.Task)
        {
            throw new InvalidOperationException("scripts/demo.sh exited before the store ran:\n" + Output);
        }
    }

    /// <summary>The pid scripts/demo.sh recorded for one of its processes.</summary>
    public int PidOf(string name) =>
        int.Parse(File.ReadAllText(Path.Combine(RunDirectory, "pids", name + ".pid")).Trim(), CultureInfo.InvariantCulture);

    /// <summary>The hub's store clock, from the rate and origin scripts/demo.sh gave the hub's processes (its run folder's "clock").</summary>
    public ScaledTimeProvider StoreClock()
    {
        var parts = File.ReadAllText(Path.Combine(RunDirectory, "clock")).Split(' ', StringSplitOptions.TrimEntries);
        return new ScaledTimeProvider(TimeProvider.System, double.Parse(parts[0], CultureInfo.InvariantCulture), DateTimeOffset.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    public string Log(string name) => File.ReadAllText(Path.Combine(RunDirectory, "logs", name + ".log"));

    /// <summary>SIGTERM to the script: its trap stops every process it started. Returns the script's exit code.</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            Signals.Send(_process.Id, Signals.SigTerm);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await _process.WaitForExitAsync(cts.Token);
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        KeepLogs();
        Directory.Dispose();
    }

    /// <summary>The run's logs (and the script's output) stay in artifacts/store/last-run for whoever reads a failure.</summary>
    private void KeepLogs()
    {
        var target = Path.Combine(ExternalTools.RepoRoot, "artifacts", "store", "last-run");
        if (System.IO.Directory.Exists(target))
        {
            System.IO.Directory.Delete(target, recursive: true);
        }

        System.IO.Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "demo.sh.log"), Output);
        var logs = Path.Combine(RunDirectory, "logs");
        if (System.IO.Directory.Exists(logs))
        {
            foreach (var file in System.IO.Directory.GetFiles(logs))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            }
        }
    }

    private static Uri Url(int port) => new($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.Contains("Store Edge demo is running", StringComparison.Ordinal))
        {
            _running.TrySetResult();
        }
    }
}
