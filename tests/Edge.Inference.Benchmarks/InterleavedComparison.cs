using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Edge.Inference.Benchmarks;

/// <summary>
/// The three contenders timed call by call in alternating rounds (raw C API, our binding, onnxruntime-node, repeat),
/// so that load from other processes on the shared cores hits all of them alike; per-call medians resist preemption.
/// BenchmarkDotNet gives allocations and its own statistics; this table gives the like-for-like ratios.
/// </summary>
internal static class InterleavedComparison
{
    internal static string Run(int rounds, int calls)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Interleaved: {rounds} rounds x {calls} calls each, per-call median (mean) of all calls, batch {BenchModels.Rows} x {BenchModels.Features}, 1 intra-op thread.");
        sb.AppendLine();
        sb.AppendLine("| model | raw C API | ours: binding | binding overhead vs raw | onnxruntime-node | ours / node |");
        sb.AppendLine("|---|---|---|---|---|---|");
        foreach (var (model, bytes) in new[] { ("logreg", BenchModels.LogisticRegression()), ("mlp", BenchModels.Mlp()) })
        {
            var bench = new InferenceBenchmarks { Model = model };
            bench.Setup();
            var raw = new List<double>();
            var ours = new List<double>();
            var node = new List<NodeTiming>();
            try
            {
                for (var r = 0; r < rounds; r++)
                {
                    raw.AddRange(TimeCalls(bench.RawCApi, calls));
                    ours.AddRange(TimeCalls(bench.Binding, calls));
                    if (NodeReference.NodeModules is not null)
                    {
                        node.Add(NodeReference.Run(bytes, model, calls));
                    }
                }
            }
            finally
            {
                bench.Cleanup();
            }

            var rawMedian = Median(raw);
            var oursMedian = Median(ours);
            var nodeMedian = node.Count == 0 ? double.NaN : Median(node.Select(n => n.MedianNs).ToList());
            var nodeMean = node.Count == 0 ? double.NaN : node.Average(n => n.MeanNs);
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {model} | {Us(rawMedian)} ({Us(raw.Average())}) | {Us(oursMedian)} ({Us(ours.Average())}) | {(oursMedian / rawMedian) - 1:+0.0%;-0.0%} | {Us(nodeMedian)} ({Us(nodeMean)}) | {oursMedian / nodeMedian:F2} |");
        }

        if (NodeReference.NodeModules is null)
        {
            sb.AppendLine("onnxruntime-node is not installed (run scripts/fetch-node-tools.sh): its column is empty.");
        }

        return sb.ToString();
    }

    private static string Us(double ns) => (ns / 1000).ToString("F2", CultureInfo.InvariantCulture) + " us";

    private static double[] TimeCalls(Func<float> call, int calls)
    {
        for (var i = 0; i < 2000; i++)
        {
            call();
        }

        var times = new double[calls];
        var toNs = 1e9 / Stopwatch.Frequency;
        for (var i = 0; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            call();
            times[i] = (Stopwatch.GetTimestamp() - start) * toNs;
        }

        return times;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
