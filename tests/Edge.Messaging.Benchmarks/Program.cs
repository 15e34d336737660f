using System.Globalization;
using Edge.Messaging;
using Edge.Messaging.Benchmarks;
using Edge.TestKit;

// dotnet run -c Release --project tests/Edge.Messaging.Benchmarks [-- messages rounds window requests subscriber]
// subscriber: mosquitto_sub (default; a C subscriber, so it is not the bottleneck) or ours (our client counts).
var messages = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50_000;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var window = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100;
var latencyRequests = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5_000;
var subscriberKind = args.Length > 4 ? args[4] : "mosquitto_sub";

using var dir = new TempDirectory("mqtt-bench");
var payloadFile = ThroughputRun.WritePayload(dir.Path);

// No queue limit for the subscriber: the default max_queued_messages 1000 would drop QoS 1 messages that a burst
// puts ahead of the subscriber, and we count what arrives.
await using var broker = await MosquittoBroker.StartAsync(["max_queued_messages 0"]);
Console.WriteLine($"broker {broker.Uri}, {messages} messages of 256 bytes per round, {rounds} rounds per contender, window {window}, subscriber {subscriberKind}, {Environment.ProcessorCount} cores");

var run = new ThroughputRun(broker, payloadFile, messages, window, async qos => subscriberKind == "ours"
    ? await CountingSubscriber.StartAsync(broker.Uri, "bench/#", qos)
    : await MosquittoSubCounter.StartAsync(broker, qos, dir.Path));
var all = new List<ThroughputRun.RoundResult>();
foreach (var qos in new[] { MqttQualityOfService.AtMostOnce, MqttQualityOfService.AtLeastOnce })
{
    all.AddRange(await run.RunAsync(qos, rounds));
}

Console.WriteLine();
Console.WriteLine("| QoS | contender | median arrival rate (msg/s) | min-max | median sent rate (msg/s) | received of sent (all rounds) |");
Console.WriteLine("|---|---|---|---|---|---|");
foreach (var group in all.GroupBy(r => (r.Qos, r.Contender)))
{
    var arrival = group.Select(r => r.ArrivalRate).Order().ToArray();
    var sent = group.Select(r => r.SentRate).Order().ToArray();
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"| {(int)group.Key.Qos} | {group.Key.Contender} | {Median(arrival):F0} | {arrival[0]:F0}-{arrival[^1]:F0} | {Median(sent):F0} | {group.Sum(r => r.Received)}/{group.Sum(r => r.Sent)} |"));
}

foreach (var qos in new[] { MqttQualityOfService.AtMostOnce, MqttQualityOfService.AtLeastOnce })
{
    var ratios = all.Where(r => r.Qos == qos).GroupBy(r => r.Round)
        .Select(g => g.Single(r => r.Contender == "ours").ArrivalRate / g.Single(r => r.Contender == "mosquitto_pub").ArrivalRate).Order().ToArray();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"QoS {(int)qos}: ours / mosquitto_pub arrival rate per round: median {Median(ratios):F2}x (min {ratios[0]:F2}x, max {ratios[^1]:F2}x)"));
}

// Round trips on the default broker configuration and with set_tcp_nodelay true (mosquitto leaves Nagle on by
// default, which holds back small packets until the peer's delayed ACK).
// With Nagle each round trip takes about 44 ms, so that run is a tenth as long.
foreach (var (label, config, count) in new[] { ("mosquitto defaults", Array.Empty<string>(), latencyRequests / 10), ("set_tcp_nodelay true", ["set_tcp_nodelay true"], latencyRequests) })
{
    await using var latencyBroker = await MosquittoBroker.StartAsync(config);
    var rtts = await LatencyRun.RunAsync(latencyBroker.Uri, warmup: 100, requests: count);
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"request/response round trip, broker with {label}, {rtts.Length} sequential requests: p50 {LatencyRun.Percentile(rtts, 50):F0} us, p99 {LatencyRun.Percentile(rtts, 99):F0} us, max {rtts[^1]:F0} us; load {File.ReadAllText("/proc/loadavg").Trim()}"));
}

static double Median(double[] sorted) => sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
