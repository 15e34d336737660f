using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Edge.TestKit;

namespace Edge.Messaging.Benchmarks;

/// <summary>
/// Debian's mosquitto_sub as the counting subscriber (C, so the subscriber is not what limits the publishers), its
/// lines ("topic unix-time-ns") summed up by awk, which prints one "done" line per round. The expected count is the
/// last topic level. A message on bench/report makes awk print what it has (used after a stall and to know that
/// the subscription is active).
/// </summary>
internal sealed class MosquittoSubCounter : IArrivalCounter
{
    private const string AwkScript = """
        $1 == "bench/report" { for (t in n) if (!(t in done)) printf "count %s %d %s %s\n", t, n[t], f[t], l[t]; print "reported"; fflush(); next }
        { t = $1; n[t]++; if (n[t] == 1) f[t] = $2; l[t] = $2
          k = split(t, parts, "/"); if (n[t] == parts[k] + 0) { done[t] = 1; printf "done %s %d %s %s\n", t, n[t], f[t], l[t]; fflush() } }
        """;

    private readonly Process _process;
    private readonly IMqttClient _control;
    private readonly ConcurrentDictionary<string, Tally> _tallies = new(StringComparer.Ordinal);
    private TaskCompletionSource _reported = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private MosquittoSubCounter(Process process, IMqttClient control)
    {
        _process = process;
        _control = control;
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
    }

    public string Name => "mosquitto_sub";

    public static async Task<MosquittoSubCounter> StartAsync(MosquittoBroker broker, MqttQualityOfService qos, string directory)
    {
        var awk = Path.Combine(directory, "count.awk");
        await File.WriteAllTextAsync(awk, AwkScript);
        var sub = ExternalTools.Find("mosquitto_sub") ?? throw new InvalidOperationException("mosquitto_sub is not installed (Debian mosquitto-clients)");
        // mawk (Debian's awk) reads its input in blocks unless -W interactive: a round's last lines would wait.
        var awkCommand = ExternalTools.Find("mawk") is { } mawk ? $"'{mawk}' -W interactive" : "awk";
        var psi = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(string.Create(
            CultureInfo.InvariantCulture,
            $"'{sub}' -h {broker.Host} -p {broker.Port} -V mqttv5 -q {(int)qos} -t 'bench/#' -F '%t %U' | {awkCommand} -f '{awk}'"));
        var process = new Process { StartInfo = psi };
        process.Start();
        var control = new MqttClientFactory().Create(new MqttClientOptions { Server = broker.Uri });
        var counter = new MosquittoSubCounter(process, control);
        process.BeginOutputReadLine();
        await control.ConnectAsync();

        // Subscribed once a report request comes back through it.
        for (var attempt = 0; ; attempt++)
        {
            if (await counter.ReportAsync(TimeSpan.FromSeconds(1)))
            {
                return counter;
            }

            if (attempt == 15)
            {
                await counter.DisposeAsync();
                throw new TimeoutException("mosquitto_sub did not subscribe within 15 s");
            }
        }
    }

    public IArrivalTally Expect(string topic, int count) => _tallies.GetOrAdd(topic, t => new Tally(this, t));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        await _control.DisposeAsync();
    }

    private async Task<bool> ReportAsync(TimeSpan wait)
    {
        var reported = Volatile.Read(ref _reported);
        await _control.PublishAsync("bench/report", "?"u8.ToArray());
        return await Task.WhenAny(reported.Task, Task.Delay(wait)) == reported.Task;
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line == "reported")
        {
            Interlocked.Exchange(ref _reported, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            return;
        }

        var parts = line.Split(' ');
        if (parts.Length == 5 && (parts[0] == "done" || parts[0] == "count") && _tallies.TryGetValue(parts[1], out var tally))
        {
            tally.Set(
                int.Parse(parts[2], CultureInfo.InvariantCulture),
                double.Parse(parts[3], CultureInfo.InvariantCulture),
                double.Parse(parts[4], CultureInfo.InvariantCulture),
                parts[0] == "done");
        }
    }

    private sealed class Tally(MosquittoSubCounter owner, string topic) : IArrivalTally
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private double _first;
        private double _last;

        public int Count { get; private set; }

        public double ArrivalRate => Count < 2 ? 0 : (Count - 1) / (_last - _first);

        public async Task WaitAsync()
        {
            // A round takes seconds; a minute without "done" means messages were lost: ask awk what it counted.
            if (await Task.WhenAny(_done.Task, Task.Delay(TimeSpan.FromSeconds(60))) != _done.Task)
            {
                await owner.ReportAsync(TimeSpan.FromSeconds(5));
                Console.WriteLine($"mosquitto_sub: {topic} incomplete, {Count} arrived");
            }
        }

        public void Set(int count, double first, double last, bool done)
        {
            (Count, _first, _last) = (count, first, last);
            if (done)
            {
                _done.TrySetResult();
            }
        }
    }
}
