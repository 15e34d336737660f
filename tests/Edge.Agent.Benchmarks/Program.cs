using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Edge.Agent.Benchmarks;

// One core: the goal is stated "on one core", so the process is pinned to CPU 0 and ORT uses one intra-op thread.
var config = DefaultConfig.Instance
    .AddJob(Job.ShortRun.WithAffinity(1).WithId("Short1Core"))
    .AddColumn(StatisticColumn.Median, StatisticColumn.P95)
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
if (!args.Contains("--percentiles-only"))
{
    BenchmarkRunner.Run<DecisionBenchmarks>(config, args.Where(a => a != "--percentiles-only").ToArray());
}

// BenchmarkDotNet reports means of iterations; p50/p99 of single calls are measured here, interleaved, same process.
if (OperatingSystem.IsLinux())
{
    Process.GetCurrentProcess().ProcessorAffinity = 1;
}

using var setup = new DecisionSetup();
const int Calls = 20_000;
var bare = new long[Calls];
var decision = new long[Calls];
for (var i = 0; i < 2_000; i++)
{
    setup.BareRun();
    setup.Decide();
}

var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
for (var i = 0; i < Calls; i++)
{
    var t0 = Stopwatch.GetTimestamp();
    setup.BareRun();
    var t1 = Stopwatch.GetTimestamp();
    setup.Decide();
    var t2 = Stopwatch.GetTimestamp();
    bare[i] = t1 - t0;
    decision[i] = t2 - t1;
}

var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)Calls;
Array.Sort(bare);
Array.Sort(decision);
double Us(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"""
    | path ({DecisionBenchmarks.Candidates} candidates, {Calls} interleaved calls, CPU 0) | p50 | p99 |
    |---|---|---|
    | bare ORT Run | {Us(bare[Calls / 2]):F1} us | {Us(bare[Calls * 99 / 100]):F1} us |
    | decision (features + Polly + ORT + ranking) | {Us(decision[Calls / 2]):F1} us | {Us(decision[Calls * 99 / 100]):F1} us |
    | ratio decision / bare | {(double)decision[Calls / 2] / bare[Calls / 2]:F2} | {(double)decision[Calls * 99 / 100] / bare[Calls * 99 / 100]:F2} |
    bytes allocated per (bare + decision) pair: {allocated:F0}
    """));
