using Google.Protobuf;
using Onnx;
using static Onnx.OnnxModelBuilder;
using DataType = Onnx.TensorProto.Types.DataType;

namespace Edge.Inference.Tests.Support;

/// <summary>Models written in code with the ONNX protobuf classes.</summary>
internal static class TestModels
{
    /// <summary>y = sigmoid(x·w + b): x float[N, features] ("batch" symbolic), w[i] = 0.01·(i+1), b = -0.5; y float[N, 1].</summary>
    internal static byte[] LogisticRegression(int features)
    {
        var w = Enumerable.Range(0, features).Select(i => 0.01f * (i + 1)).ToArray();
        var graph = Graph(
            "logreg",
            [
                Node("MatMul", ["x", "w"], ["xw"]),
                Node("Add", ["xw", "b"], ["logit"]),
                Node("Sigmoid", ["logit"], ["y"]),
            ],
            [Tensor("x", DataType.Float, "batch", (long)features)],
            [Tensor("y", DataType.Float, "batch", 1L)],
            [Initializer("w", w, features, 1), Initializer("b", [-0.5f], 1)]);
        return Model(graph).ToByteArray();
    }

    /// <summary>Expected output of <see cref="LogisticRegression"/> for one row.</summary>
    internal static float LogisticRegressionExpected(ReadOnlySpan<float> row)
    {
        double logit = -0.5;
        for (var i = 0; i < row.Length; i++)
        {
            logit += row[i] * 0.01f * (i + 1);
        }

        return (float)(1 / (1 + Math.Exp(-logit)));
    }

    /// <summary>z = x + y on float[4] — the smallest useful model, for leak and concurrency runs.</summary>
    internal static byte[] AddFloats() => Model(Graph(
        "add",
        [Node("Add", ["x", "y"], ["z"])],
        [Tensor("x", DataType.Float, 4L), Tensor("y", DataType.Float, 4L)],
        [Tensor("z", DataType.Float, 4L)])).ToByteArray();

    /// <summary>Identity for each of the element types the binding handles, in one model.</summary>
    internal static byte[] IdentityOf(params DataType[] types)
    {
        var nodes = types.Select((t, i) => Node("Identity", [$"in_{t}"], [$"out_{t}"]));
        return Model(Graph(
            "identity",
            nodes,
            types.Select(t => Tensor($"in_{t}", t, "n")),
            types.Select(t => Tensor($"out_{t}", t, "n")))).ToByteArray();
    }

    /// <summary>
    /// A classic classifier tail: probabilities float[N, 3] through ai.onnx.ml ZipMap, giving a sequence of maps from
    /// label (int64 or string) to probability, plus the argmax label.
    /// </summary>
    internal static byte[] ZipMapClassifier(bool stringLabels)
    {
        var zipMap = stringLabels
            ? Node("ZipMap", ["p"], ["probabilities"], "ai.onnx.ml", Attribute("classlabels_strings", ["apple", "banana", "cherry"]))
            : Node("ZipMap", ["p"], ["probabilities"], "ai.onnx.ml", Attribute("classlabels_int64s", new long[] { 10, 20, 30 }));
        var graph = Graph(
            "zipmap",
            [zipMap, Node("ArgMax", ["p"], ["label"], "", Attribute("axis", 1L), Attribute("keepdims", 0L))],
            [Tensor("p", DataType.Float, "batch", 3L)],
            [
                SequenceOfMaps("probabilities", stringLabels ? DataType.String : DataType.Int64, DataType.Float),
                Tensor("label", DataType.Int64, "batch"),
            ]);
        return Model(graph, 17, ("ai.onnx.ml", 3)).ToByteArray();
    }

    /// <summary>A node of an operator no ONNX domain defines.</summary>
    internal static byte[] UnknownOperator() => Model(Graph(
        "unknown",
        [Node("FrobnicateTensor", ["x"], ["y"])],
        [Tensor("x", DataType.Float, 4L)],
        [Tensor("y", DataType.Float, 4L)])).ToByteArray();

    /// <summary>
    /// A long chain of 256x256 MatMuls (same weights) so one run takes seconds: used to prove that cancellation stops
    /// a run in progress instead of waiting for it.
    /// </summary>
    internal static byte[] SlowChain(int links)
    {
        const int Size = 256;
        var w = new float[Size * Size];
        for (var i = 0; i < Size; i++)
        {
            w[(i * Size) + i] = 1f; // identity weights keep values finite
        }

        var nodes = new List<NodeProto>();
        var previous = "x";
        for (var i = 0; i < links; i++)
        {
            var next = i == links - 1 ? "y" : $"h{i}";
            nodes.Add(Node("MatMul", [previous, "w"], [next]));
            previous = next;
        }

        return Model(Graph(
            "slow",
            nodes,
            [Tensor("x", DataType.Float, (long)Size, (long)Size)],
            [Tensor("y", DataType.Float, (long)Size, (long)Size)],
            [Initializer("w", w, Size, Size)])).ToByteArray();
    }
}
