using System.Globalization;
using Edge.Inference.Native;
using Edge.Inference.Tests.Support;
using Xunit.Abstractions;

namespace Edge.Inference.Tests;

/// <summary>
/// One million runs must not grow the process. RSS is read from /proc/self/status (VmRSS) after a warm-up, at half
/// time and at the end. A leak grows linearly, so the second half must not add what a leak would; the first half is
/// not judged, because the GC heap and the allocator keep growing for a while after any warm-up (CI measured +57 MB
/// over a whole million general runs on a loaded machine, with no handle left behind). EDGE_LEAK_RUNS overrides the
/// count.
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

        var samples = MeasureHalves("binding", () => binding.Run());

        Assert.Equal(8f, z[3]);
        AssertFlat(samples);
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

        float last = 0;
        var samples = MeasureHalves("session.Run", () =>
        {
            using var outputs = session.Run(inputs);
            last = outputs[0].AsSpan<float>()[3];
        });

        Assert.Equal(8f, last);
        AssertFlat(samples);
    }

    private (Sample Start, Sample Middle, Sample End) MeasureHalves(string name, Action run)
    {
        var start = Measure();
        for (var i = 0; i < Runs / 2; i++)
        {
            run();
        }

        var middle = Measure();
        for (var i = Runs / 2; i < Runs; i++)
        {
            run();
        }

        var end = Measure();
        output.WriteLine($"{name}: {Runs} runs, RSS {start.Rss / 1024} -> {middle.Rss / 1024} -> {end.Rss / 1024} KiB, live handles {start.Handles} -> {end.Handles}");
        return (start, middle, end);
    }

    private static void AssertFlat((Sample Start, Sample Middle, Sample End) samples)
    {
        // Every OrtValue and binding handle a run creates is released (a leaked one would also hold native memory).
        Assert.Equal(samples.Start.Handles, samples.End.Handles);
        // A leaked output tensor (an OrtValue plus its buffer, well over 64 bytes) in every run would add over 30 MB
        // in the second half alone.
        var growth = samples.End.Rss - samples.Middle.Rss;
        Assert.True(growth < AllowedGrowthBytes, $"RSS grew {growth / 1024} KiB over the second {Runs - (Runs / 2)} runs");
    }

    private static Sample Measure()
    {
        // Aggressive: compacts and gives freed regions back to the OS, so RSS shows what is live, not what the GC kept.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kib = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return new Sample(kib * 1024, OrtSafeHandle.Live);
    }

    private readonly record struct Sample(long Rss, long Handles);
}
