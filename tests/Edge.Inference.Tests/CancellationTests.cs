using System.Diagnostics;
using Edge.Inference.Tests.Support;

namespace Edge.Inference.Tests;

public sealed class CancellationTests
{
    [RequiresOnnxRuntimeFact]
    public void Run_TokenAlreadyCancelled_ThrowsWithoutRunning()
    {
        using var session = OrtTestRuntime.Factory.Create(TestModels.AddFloats(), "add");

        Assert.Throws<OperationCanceledException>(() => session.Run(
            [InputTensor.Create<float>("x", new float[4], 4), InputTensor.Create<float>("y", new float[4], 4)],
            cancellationToken: new CancellationToken(canceled: true)));
    }

    [RequiresOnnxRuntimeFact]
    public async Task Run_CancelledWhileRunning_StopsInsideOrtAndSessionStaysUsable()
    {
        // 2000 chained 256x256 MatMuls: about a second uncancelled on one thread; the terminate flag stops it between nodes.
        using var session = OrtTestRuntime.Factory.Create(TestModels.SlowChain(2000), "slow", new InferenceSessionOptions { IntraOpNumThreads = 1 });
        using var binding = session.CreateBinding();
        var x = new float[256 * 256];
        var y = new float[256 * 256];
        x.AsSpan().Fill(1f);
        binding.BindInput<float>("x", x, [256, 256]);
        binding.BindOutput<float>("y", y, [256, 256]);
        binding.Run(); // first run plans memory; time the second
        var uncancelled = Stopwatch.StartNew();
        binding.Run();
        uncancelled.Stop();
        Assert.Equal(1f, y[0]);

        using var cts = new CancellationTokenSource();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = Task.Run(() =>
        {
            started.SetResult();
            binding.Run(cts.Token);
        });
        await started.Task;
        cts.CancelAfter(TimeSpan.FromMilliseconds(uncancelled.Elapsed.TotalMilliseconds / 10));
        var cancelled = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.IsType<OrtException>(ex.InnerException);
        Assert.True(cancelled.Elapsed < uncancelled.Elapsed, $"cancelled run took {cancelled.Elapsed}, a whole run {uncancelled.Elapsed}");
        y.AsSpan().Clear();
        binding.Run(CancellationToken.None); // terminate flag is cleared for the next run
        Assert.Equal(1f, y[^1]);
    }
}
