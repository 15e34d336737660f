using Microsoft.Extensions.Logging;

namespace Edge.Inference.Tests.Support;

/// <summary>
/// The one factory all tests share. ORT has one environment per process and its log callback goes to the logger of
/// the first factory, so every test uses this factory, which logs ORT messages from Information up into
/// <see cref="Logs"/>.
/// </summary>
internal static class OrtTestRuntime
{
    private static readonly CapturingLoggerProvider s_logs = new();

    private static readonly Lazy<InferenceSessionFactory> s_factory = new(() =>
    {
        var factory = new InferenceSessionFactory(
            new InferenceOptions { OrtLogLevel = LogLevel.Information, Session = new InferenceSessionOptions { IntraOpNumThreads = 1 } },
            LoggerFactory.Create(b => b.AddProvider(s_logs).SetMinimumLevel(LogLevel.Trace)));
        _ = factory.RuntimeVersion;
        return factory;
    });

    internal static CapturingLoggerProvider Logs => s_logs;

    internal static InferenceSessionFactory Factory => s_factory.Value;

    internal static string LibraryPath => Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libonnxruntime.so.1");

    /// <summary>Null when ONNX Runtime is present; else why tests needing it skip.</summary>
    internal static string? MissingReason => File.Exists(LibraryPath)
        ? null
        : $"{LibraryPath} is missing: run scripts/fetch-native.sh (./edge setup) and rebuild";
}
