using Edge.Inference;
using Edge.Trainer.Offers;
using Edge.Trainer.Tests.Support;

namespace Edge.Trainer.Tests.Offers;

public sealed class OfferOnnxTests
{
    [RequiresOnnxRuntimeFact]
    public void Build_FittedModelThroughEdgeInference_EqualsTrainerScoresWithin1e5()
    {
        // A learnable synthetic problem with columns on very different scales (so the in-graph standardisation matters).
        const int rows = 400;
        const int columns = 3;
        var random = new Random(5);
        var x = new double[rows * columns];
        var labels = new bool[rows];
        for (var r = 0; r < rows; r++)
        {
            x[r * columns] = random.NextDouble();
            x[(r * columns) + 1] = random.NextDouble() * 1000;
            x[(r * columns) + 2] = random.Next(2);
            labels[r] = random.NextDouble() < 1 / (1 + Math.Exp(-((3 * x[r * columns]) + (x[(r * columns) + 1] / 500) - 2)));
        }

        var (model, _, _) = LogisticRegressionTrainer.Fit(x, labels, [.. Enumerable.Range(0, rows)], columns, 1);
        using var session = Ort.Factory.Create(OfferOnnx.Build(model), "offers-test.onnx");
        var input = x.Select(v => (float)v).ToArray();
        using var outputs = session.Run([InputTensor.Create(OfferOnnx.Input, input.AsMemory(), rows, columns)]);
        var onnx = outputs[OfferOnnx.Output].ToArray<float>();

        Assert.Equal(rows, onnx.Length);
        for (var r = 0; r < rows; r++)
        {
            Assert.Equal(model.Score(x.AsSpan(r * columns, columns)), onnx[r], 1e-5);
        }
    }

    [Fact]
    public void Fit_SameData_SameWeightsBitForBit()
    {
        double[] x = [0, 1, 2, 3, 4, 5, 6, 7];
        bool[] labels = [false, false, true, false, true, true, false, true];
        var a = LogisticRegressionTrainer.Fit(x, labels, [.. Enumerable.Range(0, 8)], 1, 1).Model;
        var b = LogisticRegressionTrainer.Fit(x, labels, [.. Enumerable.Range(0, 8)], 1, 1).Model;
        Assert.Equal(a.Weights, b.Weights);
        Assert.Equal(a.Bias, b.Bias);
        Assert.True(a.Weights[0] > 0, "a rising label rate must give a positive weight");
    }
}
