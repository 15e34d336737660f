using Edge.Inference;
using Edge.Trainer.NextBasket;
using Edge.Trainer.Tests.Support;

namespace Edge.Trainer.Tests.NextBasket;

public sealed class NextBasketOnnxTests
{
    [RequiresOnnxRuntimeFact]
    public void Build_RunThroughEdgeInference_EqualsCSharpScoresWithin1e5()
    {
        const int items = 50;
        const int users = 4;
        var random = new Random(11);
        var personal = Enumerable.Range(0, users * items).Select(_ => random.NextSingle()).ToArray();
        var neighbours = Enumerable.Range(0, users * items).Select(_ => random.NextSingle() * 0.1f).ToArray();
        var popularity = Enumerable.Range(0, items).Select(i => 0.02f * i / items).ToArray();

        using var session = Ort.Factory.Create(NextBasketOnnx.Build(items, 0.4f, popularity), "next-basket-test.onnx");
        using var outputs = session.Run(
        [
            InputTensor.Create(NextBasketOnnx.PersonalInput, personal.AsMemory(), users, items),
            InputTensor.Create(NextBasketOnnx.NeighboursInput, neighbours.AsMemory(), users, items),
        ]);
        var onnx = outputs[NextBasketOnnx.ScoresOutput].ToArray<float>();

        var expected = new float[items];
        for (var u = 0; u < users; u++)
        {
            NextBasketOnnx.Score(personal.AsSpan(u * items, items), neighbours.AsSpan(u * items, items), 0.4f, popularity, expected);
            for (var i = 0; i < items; i++)
            {
                Assert.Equal(expected[i], onnx[(u * items) + i], 1e-5f);
            }
        }
    }
}
