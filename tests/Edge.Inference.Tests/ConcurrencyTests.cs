using Edge.Inference.Tests.Support;

namespace Edge.Inference.Tests;

public sealed class ConcurrencyTests
{
    [RequiresOnnxRuntimeFact]
    public async Task Run_ManyThreadsOnOneSession_EveryResultBelongsToItsOwnInput()
    {
        using var session = OrtTestRuntime.Factory.Create(TestModels.AddFloats(), "add");
        const int Threads = 4;
        const int RunsPerThread = 2_000;

        var workers = Enumerable.Range(0, Threads).Select(t => Task.Run(() =>
        {
            using var binding = session.CreateBinding();
            var bx = new float[4];
            var by = new float[] { 1, 1, 1, 1 };
            var bz = new float[4];
            binding.BindInput<float>("x", bx, [4]);
            binding.BindInput<float>("y", by, [4]);
            binding.BindOutput<float>("z", bz, [4]);
            var mismatches = 0;
            for (var i = 0; i < RunsPerThread; i++)
            {
                var value = (t * 1_000_000) + i;
                bx.AsSpan().Fill(value);
                binding.Run();
                mismatches += bz[3] == value + 1 ? 0 : 1;

                // the general path, interleaved on the same session
                using var outputs = session.Run([InputTensor.Create<float>("x", new float[] { value, 0, 0, 0 }, 4), InputTensor.Create<float>("y", new float[] { 2, 0, 0, 0 }, 4)]);
                mismatches += outputs[0].AsSpan<float>()[0] == value + 2 ? 0 : 1;
            }

            return mismatches;
        })).ToArray();

        var results = await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(120));

        Assert.All(results, m => Assert.Equal(0, m));
    }
}
