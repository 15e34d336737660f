using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace Edge.Inference.Native;

/// <summary>
/// The ONNX Runtime C API function table (<c>OrtApi</c> in onnxruntime_c_api.h), read as raw function pointers.
/// The table is append-only across ORT versions, so a position never changes meaning: each number below is the
/// zero-based index of the member in <c>struct OrtApi</c>, counted in the public header and exercised by a test
/// against the 1.30.0 library: errors 1-2 (BadInputTests), logger env 4 (LoggingTests), sessions and options 7-11,
/// 23-25 (SessionTests), metadata 30-37, 55-63 (SessionTests, ZipMapTests), run options 39, 46-47 (CancellationTests),
/// values 48-54, 65, 67 (TensorTypeTests), memory 69, 76, 78, maps/sequences 80-81, 103-107 (ZipMapTests), releases
/// 93-100 (LeakTests, BadInputHandleCountTests; ReleaseEnv 92 is never called: the env lives as long as the process).
/// Pointers are plain <c>nint</c>; every OrtStatus* result goes through <see cref="Check"/>.
/// </summary>
internal static unsafe class OrtApi
{
    /// <summary>ORT_API_VERSION we ask for. 1.30.0 serves up to 30; we use nothing newer than version 1 members.</summary>
    internal const uint ApiVersion = 30;

    private static void** s_table;

    internal static bool IsInitialized => s_table != null;

    internal static void Initialize(void** table) => s_table = table;

    private static void* At(int position)
    {
        Debug.Assert(s_table != null, "OrtLibrary.EnsureLoaded must run before any OrtApi call.");
        return s_table[position];
    }

    // --- OrtStatus ---
    internal static delegate* unmanaged<nint, int> GetErrorCode => (delegate* unmanaged<nint, int>)At(1);
    internal static delegate* unmanaged<nint, byte*> GetErrorMessage => (delegate* unmanaged<nint, byte*>)At(2);

    // --- OrtEnv ---
    /// <summary>CreateEnvWithCustomLogger(OrtLoggingFunction, void* param, OrtLoggingLevel, const char* logid, OrtEnv** out).</summary>
    internal static delegate* unmanaged<delegate* unmanaged<nint, int, byte*, byte*, byte*, byte*, void>, nint, int, byte*, nint*, nint> CreateEnvWithCustomLogger =>
        (delegate* unmanaged<delegate* unmanaged<nint, int, byte*, byte*, byte*, byte*, void>, nint, int, byte*, nint*, nint>)At(4);

    // --- OrtSession ---
    internal static delegate* unmanaged<nint, byte*, nint, nint*, nint> CreateSession => (delegate* unmanaged<nint, byte*, nint, nint*, nint>)At(7);
    internal static delegate* unmanaged<nint, void*, nuint, nint, nint*, nint> CreateSessionFromArray => (delegate* unmanaged<nint, void*, nuint, nint, nint*, nint>)At(8);

    /// <summary>Run(session, run_options, input_names, inputs, input_len, output_names, output_names_len, outputs).</summary>
    internal static delegate* unmanaged<nint, nint, byte**, nint*, nuint, byte**, nuint, nint*, nint> Run =>
        (delegate* unmanaged<nint, nint, byte**, nint*, nuint, byte**, nuint, nint*, nint>)At(9);

    // --- OrtSessionOptions ---
    internal static delegate* unmanaged<nint*, nint> CreateSessionOptions => (delegate* unmanaged<nint*, nint>)At(10);
    internal static delegate* unmanaged<nint, byte*, nint> SetOptimizedModelFilePath => (delegate* unmanaged<nint, byte*, nint>)At(11);
    internal static delegate* unmanaged<nint, int, nint> SetSessionGraphOptimizationLevel => (delegate* unmanaged<nint, int, nint>)At(23);
    internal static delegate* unmanaged<nint, int, nint> SetIntraOpNumThreads => (delegate* unmanaged<nint, int, nint>)At(24);
    internal static delegate* unmanaged<nint, int, nint> SetInterOpNumThreads => (delegate* unmanaged<nint, int, nint>)At(25);

    // --- Session metadata ---
    internal static delegate* unmanaged<nint, nuint*, nint> SessionGetInputCount => (delegate* unmanaged<nint, nuint*, nint>)At(30);
    internal static delegate* unmanaged<nint, nuint*, nint> SessionGetOutputCount => (delegate* unmanaged<nint, nuint*, nint>)At(31);
    internal static delegate* unmanaged<nint, nuint, nint*, nint> SessionGetInputTypeInfo => (delegate* unmanaged<nint, nuint, nint*, nint>)At(33);
    internal static delegate* unmanaged<nint, nuint, nint*, nint> SessionGetOutputTypeInfo => (delegate* unmanaged<nint, nuint, nint*, nint>)At(34);
    internal static delegate* unmanaged<nint, nuint, nint, byte**, nint> SessionGetInputName => (delegate* unmanaged<nint, nuint, nint, byte**, nint>)At(36);
    internal static delegate* unmanaged<nint, nuint, nint, byte**, nint> SessionGetOutputName => (delegate* unmanaged<nint, nuint, nint, byte**, nint>)At(37);

    // --- OrtRunOptions ---
    internal static delegate* unmanaged<nint*, nint> CreateRunOptions => (delegate* unmanaged<nint*, nint>)At(39);
    internal static delegate* unmanaged<nint, nint> RunOptionsSetTerminate => (delegate* unmanaged<nint, nint>)At(46);
    internal static delegate* unmanaged<nint, nint> RunOptionsUnsetTerminate => (delegate* unmanaged<nint, nint>)At(47);

    // --- OrtValue ---
    internal static delegate* unmanaged<nint, long*, nuint, int, nint*, nint> CreateTensorAsOrtValue => (delegate* unmanaged<nint, long*, nuint, int, nint*, nint>)At(48);

    /// <summary>CreateTensorWithDataAsOrtValue(info, p_data, p_data_len, shape, shape_len, type, out): ORT never frees p_data.</summary>
    internal static delegate* unmanaged<nint, void*, nuint, long*, nuint, int, nint*, nint> CreateTensorWithDataAsOrtValue =>
        (delegate* unmanaged<nint, void*, nuint, long*, nuint, int, nint*, nint>)At(49);

    internal static delegate* unmanaged<nint, void**, nint> GetTensorMutableData => (delegate* unmanaged<nint, void**, nint>)At(51);
    internal static delegate* unmanaged<nint, byte**, nuint, nint> FillStringTensor => (delegate* unmanaged<nint, byte**, nuint, nint>)At(52);
    internal static delegate* unmanaged<nint, nuint*, nint> GetStringTensorDataLength => (delegate* unmanaged<nint, nuint*, nint>)At(53);
    internal static delegate* unmanaged<nint, void*, nuint, nuint*, nuint, nint> GetStringTensorContent => (delegate* unmanaged<nint, void*, nuint, nuint*, nuint, nint>)At(54);

    // --- OrtTypeInfo / OrtTensorTypeAndShapeInfo ---
    internal static delegate* unmanaged<nint, nint*, nint> CastTypeInfoToTensorInfo => (delegate* unmanaged<nint, nint*, nint>)At(55);
    internal static delegate* unmanaged<nint, int*, nint> GetOnnxTypeFromTypeInfo => (delegate* unmanaged<nint, int*, nint>)At(56);
    internal static delegate* unmanaged<nint, int*, nint> GetTensorElementType => (delegate* unmanaged<nint, int*, nint>)At(60);
    internal static delegate* unmanaged<nint, nuint*, nint> GetDimensionsCount => (delegate* unmanaged<nint, nuint*, nint>)At(61);
    internal static delegate* unmanaged<nint, long*, nuint, nint> GetDimensions => (delegate* unmanaged<nint, long*, nuint, nint>)At(62);
    internal static delegate* unmanaged<nint, byte**, nuint, nint> GetSymbolicDimensions => (delegate* unmanaged<nint, byte**, nuint, nint>)At(63);
    internal static delegate* unmanaged<nint, nint*, nint> GetTensorTypeAndShape => (delegate* unmanaged<nint, nint*, nint>)At(65);
    internal static delegate* unmanaged<nint, int*, nint> GetValueType => (delegate* unmanaged<nint, int*, nint>)At(67);

    // --- OrtMemoryInfo / OrtAllocator ---
    internal static delegate* unmanaged<int, int, nint*, nint> CreateCpuMemoryInfo => (delegate* unmanaged<int, int, nint*, nint>)At(69);
    internal static delegate* unmanaged<nint, void*, nint> AllocatorFree => (delegate* unmanaged<nint, void*, nint>)At(76);
    internal static delegate* unmanaged<nint*, nint> GetAllocatorWithDefaultOptions => (delegate* unmanaged<nint*, nint>)At(78);

    // --- Maps and sequences (ai.onnx.ml ZipMap emits a sequence of maps) ---
    internal static delegate* unmanaged<nint, int, nint, nint*, nint> GetValue => (delegate* unmanaged<nint, int, nint, nint*, nint>)At(80);
    internal static delegate* unmanaged<nint, nuint*, nint> GetValueCount => (delegate* unmanaged<nint, nuint*, nint>)At(81);

    // --- Release functions (void; accept null) ---
    internal static delegate* unmanaged<nint, void> ReleaseEnv => (delegate* unmanaged<nint, void>)At(92);
    internal static delegate* unmanaged<nint, void> ReleaseStatus => (delegate* unmanaged<nint, void>)At(93);
    internal static delegate* unmanaged<nint, void> ReleaseMemoryInfo => (delegate* unmanaged<nint, void>)At(94);
    internal static delegate* unmanaged<nint, void> ReleaseSession => (delegate* unmanaged<nint, void>)At(95);
    internal static delegate* unmanaged<nint, void> ReleaseValue => (delegate* unmanaged<nint, void>)At(96);
    internal static delegate* unmanaged<nint, void> ReleaseRunOptions => (delegate* unmanaged<nint, void>)At(97);
    internal static delegate* unmanaged<nint, void> ReleaseTypeInfo => (delegate* unmanaged<nint, void>)At(98);
    internal static delegate* unmanaged<nint, void> ReleaseTensorTypeAndShapeInfo => (delegate* unmanaged<nint, void>)At(99);
    internal static delegate* unmanaged<nint, void> ReleaseSessionOptions => (delegate* unmanaged<nint, void>)At(100);

    // --- Map / sequence type info (not owned by the caller, valid while the OrtTypeInfo lives) ---
    internal static delegate* unmanaged<nint, nint*, nint> CastTypeInfoToMapTypeInfo => (delegate* unmanaged<nint, nint*, nint>)At(103);
    internal static delegate* unmanaged<nint, nint*, nint> CastTypeInfoToSequenceTypeInfo => (delegate* unmanaged<nint, nint*, nint>)At(104);
    internal static delegate* unmanaged<nint, int*, nint> GetMapKeyType => (delegate* unmanaged<nint, int*, nint>)At(105);

    /// <summary>GetMapValueType returns an OrtTypeInfo the caller owns (ReleaseTypeInfo).</summary>
    internal static delegate* unmanaged<nint, nint*, nint> GetMapValueType => (delegate* unmanaged<nint, nint*, nint>)At(106);

    /// <summary>GetSequenceElementType returns an OrtTypeInfo the caller owns (ReleaseTypeInfo).</summary>
    internal static delegate* unmanaged<nint, nint*, nint> GetSequenceElementType => (delegate* unmanaged<nint, nint*, nint>)At(107);

    /// <summary>Throws <see cref="OrtException"/> when <paramref name="status"/> is not null (null OrtStatus* means success).</summary>
    internal static void Check(nint status)
    {
        if (status != 0)
        {
            ThrowStatus(status);
        }
    }

    [DoesNotReturn]
    [StackTraceHidden]
    private static void ThrowStatus(nint status)
    {
        var code = (OrtErrorCode)GetErrorCode(status);
        var message = Marshal.PtrToStringUTF8((nint)GetErrorMessage(status)) ?? string.Empty;
        ReleaseStatus(status);
        throw new OrtException(code, message);
    }

    /// <summary>The process-wide default CPU allocator (ORT owns it; never freed).</summary>
    internal static nint DefaultAllocator
    {
        get
        {
            nint allocator;
            Check(GetAllocatorWithDefaultOptions(&allocator));
            return allocator;
        }
    }
}
