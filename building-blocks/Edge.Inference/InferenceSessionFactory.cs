using System.Diagnostics;
using System.Text;
using Edge.Inference.Native;
using Edge.Inference.Session;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Edge.Inference;

/// <summary>
/// Creates <see cref="IInferenceSession"/>s over ONNX Runtime. The first factory to create a session loads the native
/// library and the process's one OrtEnv (whose log lines go to this factory's logger).
/// </summary>
public sealed class InferenceSessionFactory : IInferenceSessionFactory
{
    private readonly InferenceOptions _options;
    private readonly ILogger _logger;

    public InferenceSessionFactory(IOptions<InferenceOptions> options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Edge.Inference");
    }

    public InferenceSessionFactory(InferenceOptions? options = null, ILoggerFactory? loggerFactory = null)
        : this(Options.Create(options ?? new InferenceOptions()), loggerFactory)
    {
    }

    /// <summary>Version string of the loaded ONNX Runtime ("1.30.0"); loads the library if needed.</summary>
    public string RuntimeVersion
    {
        get
        {
            EnsureRuntime();
            return OrtLibrary.Version;
        }
    }

    public unsafe IInferenceSession Create(string modelPath, InferenceSessionOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        var fullPath = Path.GetFullPath(modelPath);
        return CreateCore(Path.GetFileName(fullPath), options, (env, sessionOptions, session) =>
        {
            fixed (byte* path = Utf8(fullPath))
            {
                return OrtApi.CreateSession(env, path, sessionOptions, session);
            }
        });
    }

    public unsafe IInferenceSession Create(ReadOnlySpan<byte> model, string modelName, InferenceSessionOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelName);
        if (model.IsEmpty)
        {
            throw new ArgumentException($"Model '{modelName}' is empty.", nameof(model));
        }

        fixed (byte* bytes = model)
        {
            var pointer = bytes;
            var length = (nuint)model.Length;
            return CreateCore(modelName, options, (env, sessionOptions, session) => OrtApi.CreateSessionFromArray(env, pointer, length, sessionOptions, session));
        }
    }

    private static byte[] Utf8(string value)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(value) + 1];
        Encoding.UTF8.GetBytes(value, bytes);
        return bytes;
    }

    private unsafe IInferenceSession CreateCore(string modelName, InferenceSessionOptions? options, CreateSessionCall create)
    {
        EnsureRuntime();
        var settings = options ?? _options.Session ?? new InferenceSessionOptions();
        var problems = InferenceOptionsValidator.ValidateSession(settings).ToArray();
        if (problems.Length > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        var started = Stopwatch.GetTimestamp();
        using var sessionOptions = new OrtSessionOptionsHandle();
        var session = new OrtSessionHandle();
        try
        {
            nint pointer;
            OrtApi.Check(OrtApi.CreateSessionOptions(&pointer));
            sessionOptions.Attach(pointer);
            OrtApi.Check(OrtApi.SetIntraOpNumThreads(pointer, settings.IntraOpNumThreads));
            OrtApi.Check(OrtApi.SetInterOpNumThreads(pointer, settings.InterOpNumThreads));
            OrtApi.Check(OrtApi.SetSessionGraphOptimizationLevel(pointer, (int)settings.GraphOptimizationLevel));
            if (!string.IsNullOrEmpty(settings.OptimizedModelFilePath))
            {
                fixed (byte* path = Utf8(Path.GetFullPath(settings.OptimizedModelFilePath)))
                {
                    OrtApi.Check(OrtApi.SetOptimizedModelFilePath(pointer, path));
                }
            }

            nint sessionPointer;
            OrtApi.Check(create(OrtEnvironment.Handle.DangerousGetHandle(), pointer, &sessionPointer));
            session.Attach(sessionPointer);
            var result = new OnnxSession(modelName, session, _logger);
            InferenceLog.SessionCreated(
                _logger,
                modelName,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                string.Join("; ", result.Inputs),
                string.Join("; ", result.Outputs));
            return result;
        }
        catch (Exception ex)
        {
            session.Dispose();
            InferenceLog.SessionFailed(_logger, ex, modelName);
            throw;
        }
    }

    private void EnsureRuntime()
    {
        var alreadyLoaded = OrtLibrary.LoadedPath;
        var path = OrtLibrary.EnsureLoaded(_options.LibraryPath);
        if (alreadyLoaded is null)
        {
            InferenceLog.RuntimeLoaded(_logger, OrtLibrary.Version, path);
        }
        else if (!string.IsNullOrWhiteSpace(_options.LibraryPath) && Path.GetFullPath(_options.LibraryPath) != alreadyLoaded)
        {
            InferenceLog.RuntimeAlreadyLoaded(_logger, alreadyLoaded, _options.LibraryPath);
        }

        OrtEnvironment.EnsureCreated(_logger, _options.OrtLogLevel);
    }

    private unsafe delegate nint CreateSessionCall(nint env, nint sessionOptions, nint* session);
}
