using Google.Protobuf;
using static Onnx.OnnxModelBuilder;
using DataType = Onnx.TensorProto.Types.DataType;

namespace Edge.Inference.Benchmarks;

/// <summary>The benchmark models, written with the ONNX protobuf classes (deterministic weights).</summary>
internal static class BenchModels
{
    internal const int Features = 64;
    internal const int Rows = 200;

    /// <summary>Logistic regression: sigmoid(x·w + b), x float[batch, 64] → y float[batch, 1].</summary>
    internal static byte[] LogisticRegression() => Model(Graph(
        "logreg",
        [Node("MatMul", ["x", "w"], ["xw"]), Node("Add", ["xw", "b"], ["logit"]), Node("Sigmoid", ["logit"], ["y"])],
        [Tensor("x", DataType.Float, "batch", (long)Features)],
        [Tensor("y", DataType.Float, "batch", 1L)],
        [Initializer("w", Weights(Features), Features, 1), Initializer("b", [-0.5f], 1)])).ToByteArray();

    /// <summary>Small MLP 64 → 32 (ReLU) → 16 (ReLU) → 1 (sigmoid), x float[batch, 64] → y float[batch, 1].</summary>
    internal static byte[] Mlp() => Model(Graph(
        "mlp",
        [
            Node("Gemm", ["x", "w1", "b1"], ["h1"]), Node("Relu", ["h1"], ["r1"]),
            Node("Gemm", ["r1", "w2", "b2"], ["h2"]), Node("Relu", ["h2"], ["r2"]),
            Node("Gemm", ["r2", "w3", "b3"], ["logit"]), Node("Sigmoid", ["logit"], ["y"]),
        ],
        [Tensor("x", DataType.Float, "batch", (long)Features)],
        [Tensor("y", DataType.Float, "batch", 1L)],
        [
            Initializer("w1", Weights(Features * 32), Features, 32), Initializer("b1", Weights(32), 32),
            Initializer("w2", Weights(32 * 16), 32, 16), Initializer("b2", Weights(16), 16),
            Initializer("w3", Weights(16), 16, 1), Initializer("b3", [0.1f], 1),
        ])).ToByteArray();

    /// <summary>The input batch both sides feed: ((i·37) mod 101)/50 − 1.</summary>
    internal static float[] Input() => Enumerable.Range(0, Rows * Features).Select(i => ((i * 37) % 101 / 50f) - 1f).ToArray();

    private static float[] Weights(int count) => Enumerable.Range(0, count).Select(i => ((i * 13) % 17 / 17f) - 0.45f).ToArray();
}
