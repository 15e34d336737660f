using System.Diagnostics;
using System.Globalization;
using System.Text;
using Edge.TestKit;

namespace Edge.Messaging.Benchmarks;

/// <summary>
/// Publish throughput of 256-byte messages: our client (a window of in-flight publishes) against
/// `mosquitto_pub --repeat N` with the same payload, same broker, same subscriber, rounds interleaved so that the
/// load from other work on the machine falls on both alike.
/// </summary>
internal sealed class ThroughputRun(MosquittoBroker broker, string payloadFile, int messages, int window, Func<MqttQualityOfService, Task<IArrivalCounter>> startSubscriber)
{
    private readonly byte[] _payload = File.ReadAllBytes(payloadFile);

    public async Task<IReadOnlyList<RoundResult>> RunAsync(MqttQualityOfService qos, int rounds)
    {
        var results = new List<RoundResult>();
        await using var subscriber = await startSubscriber(qos);
        await using var publisher = new MqttClientFactory().Create(new MqttClientOptions { Server = broker.Uri, MaxInflight = window });
        await publisher.ConnectAsync();

        // Warm-up (JIT for ours, broker allocations for both), not reported; the last topic level is the count.
        await OursAsync(publisher, subscriber, qos, $"bench/warmup/ours/{messages / 2}", messages / 2);
        await MosquittoPubAsync(subscriber, qos, $"bench/warmup/pub/{messages / 10}", messages / 10);
        for (var round = 1; round <= rounds; round++)
        {
            // Alternate who goes first, so neither always runs right after the other's broker backlog.
            var oursFirst = round % 2 == 1;
            for (var turn = 0; turn < 2; turn++)
            {
                var ours = (turn == 0) == oursFirst;
                var load = LoadAverage();
                var result = ours
                    ? await OursAsync(publisher, subscriber, qos, $"bench/ours/{round}/{messages}", messages)
                    : await MosquittoPubAsync(subscriber, qos, $"bench/pub/{round}/{messages}", messages);
                results.Add(result with { Round = round, Load = load });
                Console.WriteLine(result with { Round = round, Load = load });
            }
        }

        return results;
    }

    private async Task<RoundResult> OursAsync(IMqttClient publisher, IArrivalCounter subscriber, MqttQualityOfService qos, string topic, int count)
    {
        var tally = subscriber.Expect(topic, count);
        var message = new MqttMessage(topic, _payload) { Qos = qos };
        var inflight = new Queue<Task<MqttPublishResult>>(window);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            if (inflight.Count == window)
            {
                await inflight.Dequeue();
            }

            inflight.Enqueue(publisher.PublishAsync(message));
        }

        while (inflight.Count > 0)
        {
            await inflight.Dequeue();
        }

        var sent = Stopwatch.GetElapsedTime(start);
        await tally.WaitAsync();
        return new RoundResult("ours", qos, count, tally.Count, count / sent.TotalSeconds, tally.ArrivalRate, Stopwatch.GetElapsedTime(start));
    }

    private async Task<RoundResult> MosquittoPubAsync(IArrivalCounter subscriber, MqttQualityOfService qos, string topic, int count)
    {
        var tally = subscriber.Expect(topic, count);
        var psi = new ProcessStartInfo(ExternalTools.Find("mosquitto_pub") ?? throw new InvalidOperationException("mosquitto_pub is not installed (Debian mosquitto-clients)"))
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "-h", broker.Host, "-p", broker.Port.ToString(CultureInfo.InvariantCulture), "-V", "mqttv5",
            "-t", topic, "-q", ((int)qos).ToString(CultureInfo.InvariantCulture), "-f", payloadFile,
            "--repeat", count.ToString(CultureInfo.InvariantCulture),
        })
        {
            psi.ArgumentList.Add(argument);
        }

        var start = Stopwatch.GetTimestamp();
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var sent = Stopwatch.GetElapsedTime(start);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"mosquitto_pub exited with {process.ExitCode}: {await stderr}");
        }

        await tally.WaitAsync();
        return new RoundResult("mosquitto_pub", qos, count, tally.Count, count / sent.TotalSeconds, tally.ArrivalRate, Stopwatch.GetElapsedTime(start));
    }

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    /// <summary>One contender's round. SentRate: publishes completed per second (process start to exit for mosquitto_pub).</summary>
    internal sealed record RoundResult(string Contender, MqttQualityOfService Qos, int Sent, int Received, double SentRate, double ArrivalRate, TimeSpan Wall)
    {
        public int Round { get; init; }

        public string Load { get; init; } = "?";

        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"round {Round} QoS {(int)Qos} {Contender,-13} received {Received}/{Sent}  arrival {ArrivalRate,9:F0} msg/s  sent {SentRate,9:F0} msg/s  wall {Wall.TotalSeconds:F2} s  load {Load}");
    }

    /// <summary>256 bytes of printable text (mosquitto_pub -f sends the file as is).</summary>
    public static string WritePayload(string directory)
    {
        var path = Path.Combine(directory, "payload-256.bin");
        var text = new StringBuilder();
        while (text.Length < 256)
        {
            text.Append("{\"member\":\"0123456789abcdef\",\"zone\":\"entrance\"}");
        }

        File.WriteAllBytes(path, Encoding.ASCII.GetBytes(text.ToString(0, 256)));
        return path;
    }
}
