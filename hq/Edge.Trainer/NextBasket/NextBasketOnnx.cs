using Google.Protobuf;
using Onnx;
using static Onnx.OnnxModelBuilder;
using DataType = Onnx.TensorProto.Types.DataType;

namespace Edge.Trainer.NextBasket;

/// <summary>
/// The next-basket ranker as ONNX: scores[N, I] = alpha·personal + (1 - alpha)·neighbours + popularity, where
/// personal is the user's TIFU vector, neighbours the mean vector of its k nearest users, and popularity the
/// global item popularity scaled by beta (an initializer). Top-k is taken by the caller on the scores.
/// </summary>
internal static class NextBasketOnnx
{
    public const string PersonalInput = "personal";
    public const string NeighboursInput = "neighbours";
    public const string ScoresOutput = "scores";

    public static byte[] Build(int itemCount, float alpha, ReadOnlySpan<float> scaledPopularity)
    {
        var graph = Graph(
            "tifu_knn_blend",
            [
                Node("Mul", [PersonalInput, "alpha"], ["personal_weighted"]),
                Node("Mul", [NeighboursInput, "one_minus_alpha"], ["neighbours_weighted"]),
                Node("Add", ["personal_weighted", "neighbours_weighted"], ["blended"]),
                Node("Add", ["blended", "popularity"], [ScoresOutput]),
            ],
            [Tensor(PersonalInput, DataType.Float, "batch", (long)itemCount), Tensor(NeighboursInput, DataType.Float, "batch", (long)itemCount)],
            [Tensor(ScoresOutput, DataType.Float, "batch", (long)itemCount)],
            [Initializer("alpha", [alpha]), Initializer("one_minus_alpha", [1 - alpha]), Initializer("popularity", scaledPopularity, 1, itemCount)]);
        return Model(graph).ToByteArray();
    }

    /// <summary>The same arithmetic in C#, in the same float order, for the equality check.</summary>
    public static void Score(ReadOnlySpan<float> personal, ReadOnlySpan<float> neighbours, float alpha, ReadOnlySpan<float> scaledPopularity, Span<float> scores)
    {
        var beta = 1 - alpha;
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = ((alpha * personal[i]) + (beta * neighbours[i])) + scaledPopularity[i];
        }
    }
}
