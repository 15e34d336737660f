using Edge.Inference.Tests.Support;
using Edge.TestKit;

namespace Edge.Inference.Tests;

/// <summary>
/// Bad inputs tried: random bytes as a model, a truncated model file, a missing file, an unknown operator, a wrong input
/// name, a wrong output name, a wrong shape, a wrong element type, and a shape/buffer mismatch. Each must raise an
/// exception naming the problem, keep the process alive, and leave no ORT object behind.
/// </summary>
public sealed class BadInputTests
{
    private static readonly float[] s_row = new float[64];

    [RequiresOnnxRuntimeFact]
    public void Create_RandomBytes_ThrowsInvalidProtobuf()
    {
        var garbage = new byte[4096];
        new Random(7).NextBytes(garbage);

        var ex = Assert.Throws<OrtException>(() => OrtTestRuntime.Factory.Create(garbage, "garbage"));

        Assert.Equal(OrtErrorCode.InvalidProtobuf, ex.ErrorCode);
        Assert.Contains("Protobuf parsing failed", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [RequiresOnnxRuntimeFact]
    public void Create_TruncatedModelFile_ThrowsNamingTheFile()
    {
        using var dir = new TempDirectory();
        var path = dir.File("truncated.onnx");
        var model = TestModels.LogisticRegression(64);
        File.WriteAllBytes(path, model[..(model.Length / 2)]);

        var ex = Assert.Throws<OrtException>(() => OrtTestRuntime.Factory.Create(path));

        Assert.Contains("truncated.onnx", ex.Message, StringComparison.Ordinal);
    }

    [RequiresOnnxRuntimeFact]
    public void Create_MissingFile_ThrowsNoSuchFile()
    {
        var ex = Assert.Throws<OrtException>(() => OrtTestRuntime.Factory.Create("/nonexistent/model.onnx"));

        Assert.Equal(OrtErrorCode.NoSuchFile, ex.ErrorCode);
        Assert.Contains("/nonexistent/model.onnx", ex.Message, StringComparison.Ordinal);
    }

    [RequiresOnnxRuntimeFact]
    public void Create_UnknownOperator_ThrowsNamingTheOperator()
    {
        var ex = Assert.Throws<OrtException>(() => OrtTestRuntime.Factory.Create(TestModels.UnknownOperator(), "unknown-op"));

        Assert.Contains("FrobnicateTensor", ex.Message, StringComparison.Ordinal);
    }

    [RequiresOnnxRuntimeFact]
    public void Run_WrongInputName_ThrowsNamingTheInputAndTheModelsInputs()
    {
        using var session = OrtTestRuntime.Factory.Create(TestModels.LogisticRegression(64), "logreg");

        var ex = Assert.Throws<ArgumentException>(() => session.Run([InputTensor.Create<float>("features", s_row, 1, 64)]));

        Assert.Contains("'features'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("x: Float[batch,64]", ex.Message, StringComparison.Ordinal);
    }

    [RequiresOnnxRuntimeFact]
    public void Run_WrongOutputName_ThrowsNamingTheOutput()
    {
        using var session = OrtTestRuntime.Factory.Create(TestModels.LogisticRegression(64), "logreg");

        var ex = Assert.Throws<ArgumentException>(() => session.Run([InputTensor.Create<float>("x", s_row, 1, 64)], ["score"]));

        Assert.Contains("'score'", ex.Message, StringComparison.Ordinal);
    }

    [RequiresOnnxRuntimeFact]
    public void Run_WrongShape_ThrowsOrtInvalidArgumentNamingTheInput()
    {
        using var session = OrtTestRuntime.Factory.Create(TestModels.LogisticRegression(64), "logreg");

        var ex = Assert.Throws<OrtException>(() => session.Run([InputTensor.Create<float>("x", new float[63], 1, 63)]));

        Assert.Equal(OrtErrorCode.InvalidArgument, ex.ErrorCode);
        Assert.Contains("dimensions for input: x", ex.Message, StringComparison.Ordinal);
    }

    [RequiresOnnxRuntimeFact]
    public void Run_WrongElementType_ThrowsOrtInvalidArgumentNamingBothTypes()
    {
        using var session = OrtTestRuntime.Factory.Create(TestModels.LogisticRegression(64), "logreg");

        var ex = Assert.Throws<OrtException>(() => session.Run([InputTensor.Create<double>("x", new double[64], 1, 64)]));

        Assert.Equal(OrtErrorCode.InvalidArgument, ex.ErrorCode);
        Assert.Contains("tensor(double)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("tensor(float)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ShapeNeedsMoreElementsThanTheBuffer_ThrowsBeforeOrtSeesIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => InputTensor.Create<float>("x", new float[10], 2, 64));

        Assert.Contains("needs 128 elements but the buffer holds 10", ex.Message, StringComparison.Ordinal);
    }
}
