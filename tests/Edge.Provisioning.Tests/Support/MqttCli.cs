using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Edge.Provisioning.Tests.Support;

/// <summary>
/// mosquitto_pub / mosquitto_sub (Debian mosquitto-clients) as an independent MQTT 5 client: an ACL test must
/// see what the broker really answers. Publishes are QoS 1 so the broker's PUBACK reason code tells us whether
/// it accepted (0, or 16 = no subscribers) or refused (135 = not authorised).
/// </summary>
internal static partial class MqttCli
{
    public const int NotAuthorized = 135;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    /// <summary>The PUBACK reason code, or null when the connection itself was refused.</summary>
    public static async Task<int?> PublishAsync(int port, string user, string password, string topic, string payload = "x")
    {
        var psi = new ProcessStartInfo("mosquitto_pub", ["-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-u", user, "-P", password, "-t", topic, "-m", payload, "-q", "1", "-V", "5", "-d"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Timeout);
        var text = await stdout + await stderr;
        var puback = PubAck().Match(text);
        if (puback.Success)
        {
            return int.Parse(puback.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (text.Contains("Connection error", StringComparison.Ordinal) || text.Contains("Not authorized", StringComparison.Ordinal))
        {
            return null;
        }

        throw new InvalidOperationException("unexpected mosquitto_pub output:\n" + text);
    }

    public static bool Accepted(int? reasonCode) => reasonCode is 0 or 16;

    [GeneratedRegex(@"received PUBACK \(Mid: \d+, RC:(\d+)\)")]
    private static partial Regex PubAck();

    /// <summary>Starts mosquitto_sub and returns once the broker acknowledged the subscription.</summary>
    public static async Task<Subscriber> SubscribeAsync(int port, string user, string password, string topic, int count)
    {
        // stdbuf -oL: mosquitto_sub's stdout is block-buffered into a pipe, which would hold back the "Subscribed" line.
        var psi = new ProcessStartInfo("stdbuf", ["-oL", "mosquitto_sub", "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-u", user, "-P", password, "-t", topic, "-q", "1", "-V", "5", "-d", "-v", "-C", count.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var subscriber = new Subscriber(Process.Start(psi)!);
        await subscriber.Subscribed.WaitAsync(Timeout);
        return subscriber;
    }

    internal sealed class Subscriber : IDisposable
    {
        private readonly Process _process;
        private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<string> _messages = [];
        private readonly List<string> _all = [];

        public Subscriber(Process process)
        {
            _process = process;
            _process.OutputDataReceived += (_, e) => OnLine(e.Data, fromStdout: true);
            _process.ErrorDataReceived += (_, e) => OnLine(e.Data, fromStdout: false);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            _ = _process.WaitForExitAsync().ContinueWith(_ => _subscribed.TrySetException(new InvalidOperationException("mosquitto_sub exited: " + string.Join('\n', _all))), TaskScheduler.Default);
        }

        public Task Subscribed => _subscribed.Task;

        /// <summary>Waits for mosquitto_sub to exit after its -C count of messages; returns "topic payload" lines.</summary>
        public async Task<IReadOnlyList<string>> MessagesAsync()
        {
            await _process.WaitForExitAsync().WaitAsync(Timeout);
            _process.WaitForExit(); // drains the asynchronous readers
            lock (_messages)
            {
                return [.. _messages];
            }
        }

        private void OnLine(string? line, bool fromStdout)
        {
            if (line is null)
            {
                return;
            }

            lock (_messages)
            {
                _all.Add(line);
                if (line.StartsWith("Subscribed (mid", StringComparison.Ordinal))
                {
                    _subscribed.TrySetResult();
                }
                else if (fromStdout && !line.StartsWith("Client ", StringComparison.Ordinal))
                {
                    _messages.Add(line);
                }
            }
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }

            _process.Dispose();
        }
    }
}
