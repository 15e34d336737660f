using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace Edge.Inference.Native;

/// <summary>
/// The one OrtEnv of the process (ORT allows one; sessions share its thread pools and logger). ORT's log lines
/// arrive on ORT's threads through <see cref="OnLog"/> and go to the ILogger of the first factory that created the
/// environment. The environment lives until the process exits: releasing it while a session exists is undefined.
/// </summary>
internal static unsafe class OrtEnvironment
{
    private static readonly Lock s_gate = new();
    private static OrtEnvHandle? s_env;
    private static OrtMemoryInfoHandle? s_cpuMemoryInfo;
    private static volatile ILogger? s_logger;

    internal static OrtEnvHandle Handle => s_env ?? throw new InvalidOperationException("OrtEnvironment.EnsureCreated was not called.");

    /// <summary>OrtMemoryInfo for plain CPU memory (OrtDeviceAllocator, OrtMemTypeDefault) used for caller buffers.</summary>
    internal static OrtMemoryInfoHandle CpuMemoryInfo => s_cpuMemoryInfo ?? throw new InvalidOperationException("OrtEnvironment.EnsureCreated was not called.");

    internal static void EnsureCreated(ILogger logger, LogLevel minimumLevel)
    {
        if (s_env is not null)
        {
            return;
        }

        lock (s_gate)
        {
            if (s_env is not null)
            {
                return;
            }

            s_logger = logger;
            var env = new OrtEnvHandle();
            var memoryInfo = new OrtMemoryInfoHandle();
            nint pointer;
            var logId = "edge-inference"u8;
            fixed (byte* id = logId)
            {
                OrtApi.Check(OrtApi.CreateEnvWithCustomLogger(&OnLog, 0, ToOrtLevel(minimumLevel), id, &pointer));
            }

            env.Attach(pointer);
            nint info;
            // OrtAllocatorType.OrtDeviceAllocator = 0, OrtMemType.OrtMemTypeDefault = 0
            OrtApi.Check(OrtApi.CreateCpuMemoryInfo(0, 0, &info));
            memoryInfo.Attach(info);
            s_cpuMemoryInfo = memoryInfo;
            s_env = env;
        }
    }

    /// <summary>OrtLoggingLevel: 0 verbose, 1 info, 2 warning, 3 error, 4 fatal.</summary>
    internal static int ToOrtLevel(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => 0,
        LogLevel.Information => 1,
        LogLevel.Warning => 2,
        LogLevel.Error => 3,
        _ => 4,
    };

    internal static LogLevel FromOrtLevel(int severity) => severity switch
    {
        0 => LogLevel.Debug,
        1 => LogLevel.Information,
        2 => LogLevel.Warning,
        3 => LogLevel.Error,
        _ => LogLevel.Critical,
    };

    /// <summary>OrtLoggingFunction(void* param, OrtLoggingLevel severity, const char* category, const char* logid, const char* code_location, const char* message).</summary>
    [UnmanagedCallersOnly]
    private static void OnLog(nint param, int severity, byte* category, byte* logId, byte* codeLocation, byte* message)
    {
        // Runs on ORT's threads: an exception escaping here would abort the process.
        try
        {
            var logger = s_logger;
            if (logger is null)
            {
                return;
            }

            var level = FromOrtLevel(severity);
            if (!logger.IsEnabled(level))
            {
                return;
            }

            InferenceLog.OrtMessage(
                logger,
                level,
                Marshal.PtrToStringUTF8((nint)category) ?? string.Empty,
                Marshal.PtrToStringUTF8((nint)logId) ?? string.Empty,
                Marshal.PtrToStringUTF8((nint)codeLocation) ?? string.Empty,
                Marshal.PtrToStringUTF8((nint)message) ?? string.Empty);
        }
        catch (Exception)
        {
            // Nothing sensible to do on a native thread; dropping one log line is better than crashing.
        }
    }
}
