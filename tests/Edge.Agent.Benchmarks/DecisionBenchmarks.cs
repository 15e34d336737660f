using BenchmarkDotNet.Attributes;
using Edge.Agent;
using Edge.Agent.Offers;
using Edge.Contracts.Agent;
using Edge.Inference;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Benchmarks;

/// <summary>
/// One offer decision's hot path for 200 candidates with the shipped signed model (features + ORT run through the
/// Polly pipeline + ranking by probability x value) against the bare ORT Run of the same [200, 63] batch.
/// </summary>
[MemoryDiagnoser]
public class DecisionBenchmarks
{
    public const int Candidates = 200;

    private DecisionSetup _setup = null!;

    [GlobalSetup]
    public void Setup() => _setup = new DecisionSetup();

    [GlobalCleanup]
    public void Cleanup() => _setup.Dispose();

    [Benchmark(Baseline = true)]
    public float BareOrtRun() => _setup.BareRun();

    [Benchmark]
    public int Decision() => _setup.Decide();
}
