using Onnx;

namespace Edge.Inference.Tests.Conformance;

/// <summary>
/// Runs the ONNX backend node cases that Debian's libonnx-testdata installs
/// (&lt;root&gt;/&lt;case&gt;/model.onnx with test_data_set_0/input_N.pb and output_N.pb) through the binding.
/// </summary>
internal sealed class ConformanceRunner(IInferenceSessionFactory factory)
{
    internal const string DefaultRoot = "/usr/share/libonnx-testdata/data/node";

    private static readonly HashSet<TensorElementType> s_handled =
    [
        TensorElementType.Float, TensorElementType.Double, TensorElementType.Int32, TensorElementType.Int64,
        TensorElementType.Bool, TensorElementType.UInt8, TensorElementType.String, TensorElementType.Int8,
        TensorElementType.Int16, TensorElementType.UInt16, TensorElementType.UInt32, TensorElementType.UInt64,
        TensorElementType.Float16, TensorElementType.BFloat16,
    ];

    internal IReadOnlyList<ConformanceResult> RunAll(string root) =>
        Directory.GetDirectories(root).Order(StringComparer.Ordinal).Select(RunCase).ToArray();

    internal ConformanceResult RunCase(string caseDirectory)
    {
        var name = Path.GetFileName(caseDirectory);
        try
        {
            return RunCaseCore(name, caseDirectory);
        }
        catch (OrtException ex)
        {
            return new ConformanceResult(name, ConformanceOutcome.SkippedOrt, "ORT: " + FirstLine(ex.OrtMessage));
        }
        catch (Exception ex)
        {
            return new ConformanceResult(name, ConformanceOutcome.Failed, $"{ex.GetType().Name}: {FirstLine(ex.Message)}");
        }
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n')[0].Trim();
        return line.Length > 160 ? line[..160] + "…" : line;
    }

    private static string? UnhandledType(IEnumerable<ValueInfoProto> values)
    {
        foreach (var value in values)
        {
            if (value.Type.ValueCase != TypeProto.ValueOneofCase.TensorType)
            {
                return $"{value.Type.ValueCase} value '{value.Name}' (sequence/optional .pb files need onnx-data.proto, which libonnx-dev does not ship)";
            }

            var type = (TensorElementType)value.Type.TensorType.ElemType;
            if (!s_handled.Contains(type))
            {
                return $"element type {type} of '{value.Name}' not handled by the binding";
            }
        }

        return null;
    }

    private ConformanceResult RunCaseCore(string name, string caseDirectory)
    {
        var modelPath = Path.Combine(caseDirectory, "model.onnx");
        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(modelPath));
        var initializers = model.Graph.Initializer.Select(i => i.Name).ToHashSet();
        var graphInputs = model.Graph.Input.Where(i => !initializers.Contains(i.Name)).ToArray();
        if (UnhandledType(graphInputs.Concat(model.Graph.Output)) is { } reason)
        {
            return new ConformanceResult(name, ConformanceOutcome.SkippedType, reason);
        }

        var dataSet = Path.Combine(caseDirectory, "test_data_set_0");
        var inputFiles = PbFiles(dataSet, "input_");
        var outputFiles = PbFiles(dataSet, "output_");
        var inputs = new List<InputTensor>();
        for (var i = 0; i < inputFiles.Length; i++)
        {
            var tensor = TensorProtoReader.Read(inputFiles[i]);
            // input_N.pb usually names its graph input; else it is the N-th non-initializer input.
            var inputName = string.IsNullOrEmpty(tensor.Name) ? graphInputs[i].Name : tensor.Name;
            var declared = graphInputs.FirstOrDefault(g => g.Name == inputName);
            inputs.Add(WithDeclaredBFloat16(tensor, declared).ToInput(inputName));
        }

        var outputNames = model.Graph.Output.Take(outputFiles.Length).Select(o => o.Name).ToArray();
        var expected = outputFiles.Select((f, j) => WithDeclaredBFloat16(TensorProtoReader.Read(f), model.Graph.Output[j])).ToArray();

        using var session = factory.Create(modelPath);
        using var outputs = session.Run(inputs, outputNames);
        for (var j = 0; j < expected.Length; j++)
        {
            if (OutputComparer.Compare(expected[j] with { Name = outputNames[j] }, outputs[j]) is { } difference)
            {
                return KnownOrtDeviations.Reason(name) is { } known
                    ? new ConformanceResult(name, ConformanceOutcome.SkippedOrt, $"ORT result differs from the reference, known: {known} ({difference})")
                    : new ConformanceResult(name, ConformanceOutcome.Failed, difference);
            }
        }

        return new ConformanceResult(name, ConformanceOutcome.Passed, $"{inputs.Count} in, {expected.Length} out");
    }

    /// <summary>
    /// ONNX 1.12's generator stored bfloat16 test tensors with data_type UINT16 (same 16 bits); the model's declared
    /// type is the truth, so carry the bits as BFloat16.
    /// </summary>
    private static LoadedTensor WithDeclaredBFloat16(LoadedTensor tensor, ValueInfoProto? declared) =>
        tensor.ElementType == TensorElementType.UInt16
        && declared?.Type.TensorType is { } t
        && (TensorElementType)t.ElemType == TensorElementType.BFloat16
            ? tensor with { ElementType = TensorElementType.BFloat16 }
            : tensor;

    private static string[] PbFiles(string directory, string prefix) =>
        Directory.Exists(directory)
            ? Directory.GetFiles(directory, prefix + "*.pb")
                .OrderBy(f => int.Parse(Path.GetFileNameWithoutExtension(f)[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture))
                .ToArray()
            : [];
}
