using Edge.Inference.Tests.Support;

namespace Edge.Inference.Tests;

public sealed class SessionTests
{
    [RequiresOnnxRuntimeFact]
    public void Run_LogisticRegressionBatch_MatchesHandComputedSigmoid()
    {
        using var session = OrtTestRuntime.Factory.Create(TestModels.LogisticRegression(64), "logreg");
        const int Rows = 200;
        var x = new float[Rows * 64];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = ((i * 37) % 101 / 50f) - 1f;
        }

        using var outputs = session.Run([InputTensor.Create<float>("x", x, Rows, 64)]);

        var y = outputs["y"];
        Assert.Equal(TensorElementType.Float, y.ElementType);
        Assert.Equal([Rows, 1L], y.Shape);
        var values = y.AsSpan<float>();
        for (var r = 0; r < Rows; r++)
        {
            Assert.Equal(TestModels.LogisticRegressionExpected(x.AsSpan(r * 64, 64)), values[r], 5);
        }
    }

    [RequiresOnnxRuntimeFact]
    public void Metadata_LogisticRegression_ReportsNamesTypesAndSymbolicBatch()
    {
        using var session = OrtTestRuntime.Factory.Create(TestModels.LogisticRegression(64), "logreg");

        var input = Assert.Single(session.Inputs);
        Assert.Equal("x", input.Name);
        Assert.Equal(OnnxValueKind.Tensor, input.Kind);
        Assert.Equal(TensorElementType.Float, input.ElementType);
        Assert.Equal([-1L, 64L], input.Dimensions);
        Assert.Equal(["batch", string.Empty], input.SymbolicDimensions);
        var output = Assert.Single(session.Outputs);
        Assert.Equal("y", output.Name);
        Assert.Equal([-1L, 1L], output.Dimensions);
        Assert.Equal("logreg", session.ModelName);
    }

    [RequiresOnnxRuntimeFact]
    public void Create_FromFileWithOptimizedModelPath_WritesOptimizedModel()
    {
        using var dir = new Edge.TestKit.TempDirectory();
        var modelPath = Path.Combine(dir.Path, "logreg.onnx");
        File.WriteAllBytes(modelPath, TestModels.LogisticRegression(8));
        var optimized = Path.Combine(dir.Path, "logreg.opt.onnx");

        using var session = OrtTestRuntime.Factory.Create(modelPath, new InferenceSessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.Extended,
            OptimizedModelFilePath = optimized,
        });

        Assert.Equal("logreg.onnx", session.ModelName);
        Assert.True(new FileInfo(optimized).Length > 0, "ORT should have written the optimised model");
        using var reloaded = OrtTestRuntime.Factory.Create(optimized);
        Assert.Equal("x", reloaded.Inputs[0].Name);
    }
}
