using Microsoft.Extensions.Logging;

namespace Edge.Inference;

/// <summary>Edge.Inference log events (ids 8000-8099).</summary>
internal static partial class InferenceLog
{
    [LoggerMessage(EventId = 8000, Level = LogLevel.Information, Message = "ONNX Runtime {Version} loaded from {LibraryPath}")]
    internal static partial void RuntimeLoaded(ILogger logger, string version, string libraryPath);

    [LoggerMessage(EventId = 8001, Message = "ORT [{Category}] {LogId} {CodeLocation}: {OrtMessage}")]
    internal static partial void OrtMessage(ILogger logger, LogLevel level, string category, string logId, string codeLocation, string ortMessage);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Information, Message = "Inference session {Model} created in {ElapsedMs:F1} ms: inputs {Inputs}, outputs {Outputs}")]
    internal static partial void SessionCreated(ILogger logger, string model, double elapsedMs, string inputs, string outputs);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Error, Message = "Inference session {Model} could not be created")]
    internal static partial void SessionFailed(ILogger logger, Exception exception, string model);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Debug, Message = "Inference session {Model} disposed")]
    internal static partial void SessionDisposed(ILogger logger, string model);

    [LoggerMessage(EventId = 8005, Level = LogLevel.Warning, Message = "ONNX Runtime is already loaded from {LoadedPath}; the configured path {ConfiguredPath} is ignored")]
    internal static partial void RuntimeAlreadyLoaded(ILogger logger, string loadedPath, string configuredPath);
}
