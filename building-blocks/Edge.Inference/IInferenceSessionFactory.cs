namespace Edge.Inference;

/// <summary>Creates inference sessions. The one seam where the official Microsoft.ML.OnnxRuntime could be swapped in.</summary>
public interface IInferenceSessionFactory
{
    /// <summary>Loads an .onnx file. Throws <see cref="OrtException"/> when ORT rejects it (corrupt file, unknown operator).</summary>
    IInferenceSession Create(string modelPath, InferenceSessionOptions? options = null);

    /// <summary>Loads a model from memory; <paramref name="modelName"/> is only used in logs and errors.</summary>
    IInferenceSession Create(ReadOnlySpan<byte> model, string modelName, InferenceSessionOptions? options = null);
}
