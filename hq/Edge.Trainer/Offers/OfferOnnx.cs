using Google.Protobuf;
using static Onnx.OnnxModelBuilder;
using DataType = Onnx.TensorProto.Types.DataType;

namespace Edge.Trainer.Offers;

/// <summary>
/// The offer model as ONNX (opset 17): probability[N, 1] = Sigmoid(((features - mean) / scale) · w + b), with the
/// standardisation in the graph so the hub feeds raw features in the manifest's order.
/// </summary>
internal static class OfferOnnx
{
    public const string Input = "features";
    public const string Output = "probability";

    public static byte[] Build(LogisticModel model)
    {
        var columns = model.Weights.Length;
        var graph = Graph(
            "offer_redemption_logistic",
            [
                Node("Sub", [Input, "mean"], ["centred"]),
                Node("Div", ["centred", "scale"], ["standardised"]),
                Node("MatMul", ["standardised", "weights"], ["weighted"]),
                Node("Add", ["weighted", "bias"], ["logit"]),
                Node("Sigmoid", ["logit"], [Output]),
            ],
            [Tensor(Input, DataType.Float, "batch", (long)columns)],
            [Tensor(Output, DataType.Float, "batch", 1L)],
            [
                Initializer("mean", ToFloats(model.Mean), columns),
                Initializer("scale", ToFloats(model.Scale), columns),
                Initializer("weights", ToFloats(model.Weights), columns, 1),
                Initializer("bias", [(float)model.Bias], 1),
            ]);
        return Model(graph).ToByteArray();
    }

    private static float[] ToFloats(double[] values) => [.. values.Select(v => (float)v)];
}
