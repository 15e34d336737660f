using Edge.Inference.Tests.Support;

namespace Edge.Inference.Tests;

public sealed class BindingTests
{
    [RequiresOnnxRuntimeFact]
    public void Run_BoundBuffers_WritesResultIntoCallerMemoryAndSeesInPlaceInputChanges()
    {
        using var session = OrtTestRuntime.Factory.Create(TestModels.AddFloats(), "add");
        using var binding = session.CreateBinding();
        var x = new float[] { 1, 2, 3, 4 };
        var y = new float[] { 10, 20, 30, 40 };
        var z = new float[4];
        binding.BindInput<float>("x", x, [4]);
        binding.BindInput<float>("y", y, [4]);
        binding.BindOutput<float>("z", z, [4]);

        binding.Run();
        Assert.Equal([11f, 22f, 33f, 44f], z);

        x[0] = 100; // zero-copy: ORT reads the pinned caller array itself
        binding.Run();
        Assert.Equal([110f, 22f, 33f, 44f], z);
    }

    [RequiresOnnxRuntimeFact]
    public void Run_PooledHotPath_AllocatesNothing()
    {
        using var session = OrtTestRuntime.Factory.Create(TestModels.LogisticRegression(64), "logreg");
        using var binding = session.CreateBinding();
        var x = new float[200 * 64];
        var y = new float[200];
        binding.BindInput<float>("x", x, [200, 64]);
        binding.BindOutput<float>("y", y, [200, 1]);
        for (var i = 0; i < 100; i++)
        {
            binding.Run(); // warm-up: JIT tiers, ORT's arena
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            binding.Run();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(TestModels.LogisticRegressionExpected(x.AsSpan(0, 64)), y[0], 5);
    }

    [RequiresOnnxRuntimeFact]
    public void BindOutput_ShapeDisagreesWithModel_RunThrowsOrtException()
    {
        using var session = OrtTestRuntime.Factory.Create(TestModels.AddFloats(), "add");
        using var binding = session.CreateBinding();
        binding.BindInput<float>("x", new float[4], [4]);
        binding.BindInput<float>("y", new float[4], [4]);
        binding.BindOutput<float>("z", new float[8], [8]); // wrong output shape for a float[4] result

        var ex = Assert.Throws<OrtException>(() => binding.Run());

        Assert.NotEqual(OrtErrorCode.Ok, ex.ErrorCode);
    }

    [RequiresOnnxRuntimeFact]
    public void BindInput_BufferShorterThanShape_ThrowsBeforeOrtReadsPastTheEnd()
    {
        using var session = OrtTestRuntime.Factory.Create(TestModels.AddFloats(), "add");
        using var binding = session.CreateBinding();

        var ex = Assert.Throws<ArgumentException>(() => binding.BindInput<float>("x", new float[3], [4]));

        Assert.Contains("needs 4 elements", ex.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => binding.Run());
    }
}
