using System.Diagnostics;
using System.Threading.Channels;

namespace Edge.Messaging.Tests.Interop;

/// <summary>
/// A peer program we did not write (node with MQTT.js or aedes, mosquitto_sub, mosquitto_rr) whose stdout is read
/// line by line. Tests wait for a line that says something happened, with a deadline, never for a span of time.
/// </summary>
internal sealed class LineProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<string> _transcript = [];

    private LineProcess(Process process) => _process = process;

    public string Name => Path.GetFileName(_process.StartInfo.FileName) + " " + string.Join(' ', _process.StartInfo.ArgumentList.Skip(1).Take(3));

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>Everything the program wrote (stdout and stderr), for failure messages.</summary>
    public string Transcript
    {
        get
        {
            lock (_transcript)
            {
                return string.Join('\n', _transcript);
            }
        }
    }

    public static LineProcess Start(string program, params string[] arguments)
    {
        var psi = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            psi.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        var result = new LineProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                result._lines.Writer.TryComplete();
                return;
            }

            result.Record(e.Data);
            result._lines.Writer.TryWrite(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                result.Record("stderr: " + e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return result;
    }

    public async Task WriteLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Reads lines until one satisfies <paramref name="match"/>; the lines before it are skipped (they stay in the transcript).</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, string what, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TestClients.Timeout);
        try
        {
            while (await _lines.Reader.WaitToReadAsync(deadline.Token))
            {
                while (_lines.Reader.TryRead(out var line))
                {
                    if (match(line))
                    {
                        return line;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"{Name}: no line with {what} within {timeout ?? TestClients.Timeout}. Transcript:\n{Transcript}");
        }

        throw new InvalidOperationException($"{Name} ended (exit code {ExitCode}) before a line with {what}. Transcript:\n{Transcript}");
    }

    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TestClients.Timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} did not exit within {timeout ?? TestClients.Timeout}. Transcript:\n{Transcript}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // Closing stdin asks our node scripts to stop; the mosquitto tools are killed.
            try
            {
                _process.StandardInput.Close();
            }
            catch (IOException)
            {
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None);
            }
        }

        _process.Dispose();
    }

    private void Record(string line)
    {
        lock (_transcript)
        {
            _transcript.Add(line);
        }
    }
}
