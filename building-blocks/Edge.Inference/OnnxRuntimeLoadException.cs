namespace Edge.Inference;

/// <summary>libonnxruntime could not be loaded: names the path that was tried and how to fix it.</summary>
public sealed class OnnxRuntimeLoadException : Exception
{
    public const string Fix = "run scripts/fetch-native.sh (./edge setup) and rebuild a project that sets <EdgeUsesOnnxRuntime>true</EdgeUsesOnnxRuntime>, or set Inference:LibraryPath";

    public OnnxRuntimeLoadException(string libraryPath, string reason, Exception? innerException = null)
        : base($"ONNX Runtime could not be loaded from '{libraryPath}': {reason}. Fix: {Fix}.", innerException)
    {
        LibraryPath = libraryPath;
    }

    public OnnxRuntimeLoadException()
        : this(string.Empty, "unknown reason")
    {
    }

    public OnnxRuntimeLoadException(string message)
        : base(message)
    {
        LibraryPath = string.Empty;
    }

    public OnnxRuntimeLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        LibraryPath = string.Empty;
    }

    /// <summary>The file we tried to load.</summary>
    public string LibraryPath { get; }
}
