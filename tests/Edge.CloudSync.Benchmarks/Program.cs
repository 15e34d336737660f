using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Edge.CloudSync.Benchmarks;

// One short job (2 shared cores): 1 warm-up and 3 measured iterations of 50 k messages each.
var config = DefaultConfig.Instance
    .AddJob(Job.ShortRun.WithWarmupCount(1).WithIterationCount(3).WithInvocationCount(1).WithUnrollFactor(1).WithId("Short3"))
    .WithOptions(ConfigOptions.DisableOptimizationsValidator)
    .WithBuildTimeout(TimeSpan.FromMinutes(10)); // the child build alone took over the 2-minute default on the busy machine
BenchmarkRunner.Run<CloudSyncBenchmarks>(config, args);
