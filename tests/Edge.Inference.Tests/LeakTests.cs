using System.Globalization;
using Edge.Inference.Native;
using Edge.Inference.Tests.Support;
using Xunit.Abstractions;

namespace Edge.Inference.Tests;

/// <summary>
/// One million runs must not grow the process. RSS is read from /proc/self/status (VmRSS) after a warm-up so that JIT,
/// ORT's arena and the GC heap have reached their steady size. EDGE_LEAK_RUNS overrides the count.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class LeakTests(ITestOutputHelper output)
{
    private const long AllowedGrowthBytes = 16 * 1024 * 1024;

    private static int Runs => int.TryParse(Environment.GetEnvironmentVariable("EDGE_LEAK_RUNS"), CultureInfo.InvariantCulture, out var n) ? n : 1_000_000;

    [RequiresOnnxRuntimeFact]
    public void Run_OneMillionBindingRuns_RssAndHandlesStayFlat()
    {
        using var session = OrtTestRuntime.Factory.Create(TestModels.AddFloats(), "add");
        using var binding = session.CreateBinding();
        var x = new float[] { 1, 2, 3, 4 };
        var z = new float[4];
        binding.BindInput<float>("x", x, [4]);
        binding.BindInput<float>("y", x, [4]);
        binding.BindOutput<float>("z", z, [4]);
        for (var i = 0; i < 20_000; i++)
        {
            binding.Run();
        }

        var (rssBefore, handlesBefore) = Measure();
        for (var i = 0; i < Runs; i++)
        {
            binding.Run();
        }

        var (rssAfter, handlesAfter) = Measure();
        output.WriteLine($"binding: {Runs} runs, RSS {rssBefore / 1024} KiB -> {rssAfter / 1024} KiB");
        Assert.Equal(8f, z[3]);
        Assert.Equal(handlesBefore, handlesAfter);
        Assert.True(rssAfter - rssBefore < AllowedGrowthBytes, $"RSS grew {(rssAfter - rssBefore) / 1024} KiB over {Runs} runs");
    }

    [RequiresOnnxRuntimeFact]
    public void Run_OneMillionGeneralRuns_RssAndHandlesStayFlat()
    {
        using var session = OrtTestRuntime.Factory.Create(TestModels.AddFloats(), "add");
        var x = new float[] { 1, 2, 3, 4 };
        InputTensor[] inputs = [InputTensor.Create<float>("x", x, 4), InputTensor.Create<float>("y", x, 4)];
        for (var i = 0; i < 20_000; i++)
        {
            using var warm = session.Run(inputs);
        }

        var (rssBefore, handlesBefore) = Measure();
        float last = 0;
        for (var i = 0; i < Runs; i++)
        {
            using var outputs = session.Run(inputs);
            last = outputs[0].AsSpan<float>()[3];
        }

        var (rssAfter, handlesAfter) = Measure();
        output.WriteLine($"session.Run: {Runs} runs, RSS {rssBefore / 1024} KiB -> {rssAfter / 1024} KiB");
        Assert.Equal(8f, last);
        Assert.Equal(handlesBefore, handlesAfter);
        Assert.True(rssAfter - rssBefore < AllowedGrowthBytes, $"RSS grew {(rssAfter - rssBefore) / 1024} KiB over {Runs} runs");
    }

    private static (long Rss, long Handles) Measure()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kib = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return (kib * 1024, OrtSafeHandle.Live);
    }
}
