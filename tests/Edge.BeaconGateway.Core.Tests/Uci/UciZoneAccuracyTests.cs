using Edge.BeaconGateway.Presence;
using Edge.BeaconGateway.Receivers;
using Edge.BeaconGateway.Tests.Support;
using Edge.TestKit;
using Xunit;
using Xunit.Abstractions;

namespace Edge.BeaconGateway.Tests.Uci;

/// <summary>
/// Zone accuracy of the real filter + hysteresis on data we did not write. Each labelled sample is fed, in time
/// order, as one sighting per beacon that heard the phone; after each sample the engine's current zone is
/// compared with the zone of the labelled cell. A sample before the first placement counts as wrong.
/// The figures in docs/zone-accuracy.md come from this test's output.
/// </summary>
public sealed class UciZoneAccuracyTests(ITestOutputHelper output)
{
    private static readonly TimeProvider Clock = new FakeTimeProvider();

    [RequiresSharedDataFact(UciDataset.RelativePath)]
    public void Evaluate_DefaultOptions_ReachesAccuracyFloor()
    {
        var data = UciDataset.Load(Path.Combine(ExternalTools.SharedData!, UciDataset.RelativePath));
        var baseline = StrongestReceiverAccuracy(data);

        var labelChanges = data.Samples.Zip(data.Samples.Skip(1)).Count(p => p.First.Zone != p.Second.Zone);
        output.WriteLine($"samples={data.Samples.Count} zones={string.Join('/', data.Samples.GroupBy(s => s.Zone).OrderBy(g => g.Key).Select(g => $"{g.Key}:{g.Count()}"))} label zone changes={labelChanges}");
        output.WriteLine($"| strongest single receiver per sample | {baseline:P1} | - |");

        // Q = 1000, R = 0.01 makes the filter follow every reading: "no filter".
        var variants = new (string Name, PresenceOptions Options)[]
        {
            ("no filter, no hysteresis", With(q: 1000, r: 0.01, margin: 0, seconds: 0)),
            ("Kalman only", With(q: 16, r: 25, margin: 0, seconds: 0)),
            ("hysteresis only (3 dB, 2 s)", With(q: 1000, r: 0.01, margin: 3, seconds: 2)),
            ("defaults: Kalman Q=16/s R=25 + 3 dB for 2 s", new PresenceOptions()),
            ("Kalman + 4 dB for 3 s", With(q: 16, r: 25, margin: 4, seconds: 3)),
            ("Kalman + 6 dB for 3 s", With(q: 16, r: 25, margin: 6, seconds: 3)),
            ("Kalman Q=4/s + 4 dB for 6 s", With(q: 4, r: 25, margin: 4, seconds: 6)),
        };
        var results = new Dictionary<string, (double Accuracy, int Moves)>();
        foreach (var (name, options) in variants)
        {
            var accuracy = Evaluate(data, options, out var moves);
            results[name] = (accuracy, moves);
            output.WriteLine($"| {name} | {accuracy:P1} | {moves} |");
        }

        var (defaults, defaultMoves) = results["defaults: Kalman Q=16/s R=25 + 3 dB for 2 s"];
        var (_, rawMoves) = results["no filter, no hysteresis"];
        Assert.Equal(1420, data.Samples.Count);
        Assert.Equal(37, labelChanges);
        Assert.True(defaults >= 0.80, $"zone accuracy {defaults:P1} fell below the 80 % floor");
        Assert.True(defaults >= baseline - 0.01, $"filter + hysteresis ({defaults:P1}) should not be worse than the raw strongest receiver ({baseline:P1})");
        Assert.True(defaultMoves < rawMoves * 0.7, $"hysteresis should cut spurious moves: {defaultMoves} vs {rawMoves} unfiltered");
    }

    private static PresenceOptions With(double q, double r, double margin, int seconds) => new()
    {
        ProcessNoisePerSecond = q,
        MeasurementNoise = r,
        ZoneSwitchMarginDb = margin,
        ZoneSwitchMinTime = TimeSpan.FromSeconds(seconds),
    };

    private static double Evaluate(UciDataset data, PresenceOptions options, out int moves)
    {
        var sink = new RecordingPresenceSink();
        using var engine = new PresenceEngine(options, new ReceiverMap(data.Receivers), sink, Clock);
        var correct = 0;
        foreach (var sample in data.Samples)
        {
            engine.Tick(sample.At);
            foreach (var (receiver, rssi) in sample.Readings)
            {
                engine.OnSighting("phone", receiver, rssi, -59, sample.At);
            }

            correct += engine.CurrentZone("phone") == sample.Zone ? 1 : 0;
        }

        moves = sink.Events.Count(e => e is Edge.Contracts.Presence.MemberMoved);
        return correct / (double)data.Samples.Count;
    }

    private static double StrongestReceiverAccuracy(UciDataset data)
    {
        var correct = data.Samples.Count(s => s.Readings.Count > 0
            && UciDataset.ReceiverZones[s.Readings.MaxBy(r => r.Rssi).Receiver].Zone == s.Zone);
        return correct / (double)data.Samples.Count;
    }
}
