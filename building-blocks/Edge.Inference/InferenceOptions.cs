using Microsoft.Extensions.Logging;

namespace Edge.Inference;

/// <summary>Process-wide inference settings (configuration section "Inference").</summary>
public sealed class InferenceOptions
{
    public const string SectionName = "Inference";

    /// <summary>
    /// Full path of libonnxruntime.so.1; empty means the app folder's runtimes/linux-&lt;arch&gt;/native/libonnxruntime.so.1.
    /// </summary>
    public string? LibraryPath { get; set; }

    /// <summary>Lowest ORT log level forwarded to Microsoft.Extensions.Logging.</summary>
    public LogLevel OrtLogLevel { get; set; } = LogLevel.Warning;

    /// <summary>Defaults for sessions created without explicit options.</summary>
    public InferenceSessionOptions Session { get; set; } = new();
}
