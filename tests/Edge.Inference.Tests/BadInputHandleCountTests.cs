using Edge.Inference.Native;
using Edge.Inference.Tests.Support;

namespace Edge.Inference.Tests;

/// <summary>
/// The bad inputs of <see cref="BadInputTests"/>, 50 times each, must leave no ORT object alive. Counts live handles
/// process-wide, so it runs in the serial collection.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class BadInputHandleCountTests
{
    [RequiresOnnxRuntimeFact]
    public void Run_EveryBadInput_LeavesNoOrtObjectBehind()
    {
        var row = new float[64];
        using (var warm = OrtTestRuntime.Factory.Create(TestModels.LogisticRegression(64), "logreg"))
        {
        }

        var baseline = OrtSafeHandle.Live;
        for (var i = 0; i < 50; i++)
        {
            using var session = OrtTestRuntime.Factory.Create(TestModels.LogisticRegression(64), "logreg");
            Assert.ThrowsAny<Exception>(() => session.Run([InputTensor.Create<float>("x", new float[63], 1, 63)]));
            Assert.ThrowsAny<Exception>(() => session.Run([InputTensor.Create<double>("x", new double[64], 1, 64)]));
            Assert.ThrowsAny<Exception>(() => session.Run([InputTensor.Create<float>("nope", row, 1, 64)]));
            Assert.ThrowsAny<Exception>(() => OrtTestRuntime.Factory.Create(TestModels.UnknownOperator(), "unknown-op"));
            Assert.ThrowsAny<Exception>(() => OrtTestRuntime.Factory.Create(new byte[] { 1, 2, 3 }, "garbage"));
        }

        Assert.Equal(baseline, OrtSafeHandle.Live);
    }
}
