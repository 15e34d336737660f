using System.Globalization;
using System.Text;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Edge.Inference.Benchmarks;

// Short jobs (the machine has 2 cores shared with other engineers), but 15 iterations so that the noise of the
// shared cores shows up in the error column instead of in the mean; medians are reported beside means.
var config = DefaultConfig.Instance
    .AddJob(Job.ShortRun.WithWarmupCount(5).WithIterationCount(15).WithId("Short15"))
    .AddColumn(StatisticColumn.Median)
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
if (args.Contains("--interleaved-only"))
{
    Console.WriteLine(InterleavedComparison.Run(rounds: 5, calls: 20_000));
    return;
}

var summary = BenchmarkRunner.Run<InferenceBenchmarks>(config, args);

// The official Node.js binding on the same model, batch and thread settings, measured in this same run.
var report = new StringBuilder();
report.AppendLine("| model | ours: binding mean | ours: binding median | onnxruntime-node mean | onnxruntime-node median | mean ratio ours/node | median ratio ours/node |");
report.AppendLine("|---|---|---|---|---|---|---|");
if (NodeReference.NodeModules is null)
{
    report.AppendLine("onnxruntime-node is not installed: run scripts/fetch-node-tools.sh");
}
else
{
    foreach (var (model, bytes) in new[] { ("logreg", BenchModels.LogisticRegression()), ("mlp", BenchModels.Mlp()) })
    {
        var node = NodeReference.Run(bytes, model, 20_000);
        var (mean, median) = Statistics(summary, "Binding", model);
        report.AppendLine(CultureInfo.InvariantCulture, $"| {model} | {mean / 1000:F2} us | {median / 1000:F2} us | {node.MeanNs / 1000:F2} us | {node.MedianNs / 1000:F2} us | {mean / node.MeanNs:F2} | {median / node.MedianNs:F2} |");
    }
}

var interleaved = InterleavedComparison.Run(rounds: 5, calls: 20_000);
Console.WriteLine();
Console.WriteLine("Against onnxruntime-node (same run, BenchmarkDotNet means/medians of ours vs the node script):");
Console.WriteLine(report);
Console.WriteLine(interleaved);
var results = Path.Combine(summary.ResultsDirectoryPath, "node-comparison.md");
File.WriteAllText(results, report + Environment.NewLine + interleaved);
Console.WriteLine("written to " + results);

static (double Mean, double Median) Statistics(Summary summary, string method, string model)
{
    var stats = summary.Reports.First(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method
        && (string)r.BenchmarkCase.Parameters["Model"] == model).ResultStatistics;
    return stats is null ? (double.NaN, double.NaN) : (stats.Mean, stats.Median);
}
