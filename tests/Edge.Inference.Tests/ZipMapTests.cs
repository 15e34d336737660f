using Edge.Inference.Tests.Support;

namespace Edge.Inference.Tests;

/// <summary>Classic classifiers end in ai.onnx.ml ZipMap: a sequence (one per row) of maps label → probability.</summary>
public sealed class ZipMapTests
{
    private static readonly float[] s_probabilities = [0.1f, 0.7f, 0.2f, 0.6f, 0.3f, 0.1f];

    [RequiresOnnxRuntimeFact]
    public void GetSequenceOfMaps_Int64Labels_ReadsEveryRow()
    {
        using var session = OrtTestRuntime.Factory.Create(TestModels.ZipMapClassifier(stringLabels: false), "zipmap-int");

        using var outputs = session.Run([InputTensor.Create<float>("p", s_probabilities, 2, 3)]);

        var rows = outputs["probabilities"].GetSequenceOfMaps<long, float>();
        Assert.Equal(2, rows.Count);
        Assert.Equal(new Dictionary<long, float> { [10] = 0.1f, [20] = 0.7f, [30] = 0.2f }, rows[0]);
        Assert.Equal(new Dictionary<long, float> { [10] = 0.6f, [20] = 0.3f, [30] = 0.1f }, rows[1]);
        Assert.Equal([1L, 0L], outputs["label"].ToArray<long>());
    }

    [RequiresOnnxRuntimeFact]
    public void GetSequenceOfMaps_StringLabels_ReadsEveryRow()
    {
        using var session = OrtTestRuntime.Factory.Create(TestModels.ZipMapClassifier(stringLabels: true), "zipmap-string");

        using var outputs = session.Run([InputTensor.Create<float>("p", s_probabilities, 2, 3)]);

        var probabilities = outputs["probabilities"];
        Assert.Equal(OnnxValueKind.Sequence, probabilities.Kind);
        var rows = probabilities.GetSequenceOfMaps<string, float>();
        Assert.Equal(0.7f, rows[0]["banana"]);
        Assert.Equal(0.6f, rows[1]["apple"]);
        Assert.Equal(3, rows[1].Count);
        Assert.Equal(OnnxValueKind.Map, probabilities.GetSequence()[0].Kind);
        Assert.Throws<InvalidOperationException>(() => probabilities.ToArray<float>());
    }

    [RequiresOnnxRuntimeFact]
    public void Metadata_ZipMapOutput_DescribesSequenceOfMaps()
    {
        using var session = OrtTestRuntime.Factory.Create(TestModels.ZipMapClassifier(stringLabels: true), "zipmap-string");

        var output = session.Outputs.Single(o => o.Name == "probabilities");

        Assert.Equal(OnnxValueKind.Sequence, output.Kind);
        Assert.NotNull(output.Element);
        Assert.Equal(OnnxValueKind.Map, output.Element.Kind);
        Assert.Equal(TensorElementType.String, output.Element.MapKeyType);
        Assert.Equal(TensorElementType.Float, output.Element.Element!.ElementType);
    }
}
