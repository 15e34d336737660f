using System.Diagnostics;
using System.Text;

namespace Edge.TestKit;

/// <summary>
/// Runs one of the built service binaries as a real child process (dotnet service.dll), the way systemd
/// would, with its own environment; captures its output and stops it with SIGTERM.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServiceProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

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

    /// <summary>
    /// The built binary of a service project, e.g. ("edge-agent/Edge.Agent", "edge-agent.dll"), from the same
    /// configuration (Debug/Release) the test itself was built in.
    /// </summary>
    public static string BinaryPath(string projectDirectory, string dllName)
    {
        var config = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var path = Path.Combine(ExternalTools.RepoRoot, projectDirectory, "bin", config, "net10.0", dllName);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is not built: build the solution first", path);
    }

    public static ServiceProcess Start(string dllPath, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dllPath)!,
        };
        psi.ArgumentList.Add(dllPath);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        // A service under test must not inherit the test runner's systemd or configuration variables.
        foreach (var key in new[] { "NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "INVOCATION_ID", "JOURNAL_STREAM", "EDGE_CONFIG_DIR" })
        {
            psi.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            psi.Environment[key] = value;
        }

        var process = new Process { StartInfo = psi };
        var service = new ServiceProcess(process);
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

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
    }

    /// <summary>Sends SIGTERM and measures how long the process takes to exit (killed after <paramref name="timeout"/>).</summary>
    public async Task<TimeSpan> TerminateAsync(TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        Signals.Send(_process.Id, Signals.SigTerm);
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"process did not exit within {timeout} of SIGTERM. Output:\n{Output}");
        }

        return watch.Elapsed;
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        _process.WaitForExit(); // flushes the redirected output
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }
}
