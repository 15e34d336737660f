using System.Diagnostics;
using Edge.TestKit;

namespace Edge.Store.Tests.Harness;

/// <summary>The demo's cloud broker started again from the demo's own configuration, after the test stopped it (the cloud link returning).</summary>
internal sealed class CloudBroker : IAsyncDisposable
{
    private readonly Process _process;

    private CloudBroker(Process process)
    {
        _process = process;
    }

    public static CloudBroker Start(string configPath)
    {
        var psi = new ProcessStartInfo(ExternalTools.Mosquitto ?? "mosquitto") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(configPath);
        var process = Process.Start(psi)!;
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return new CloudBroker(process);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Signals.Send(_process.Id, Signals.SigTerm);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
            }
        }

        _process.Dispose();
    }
}
