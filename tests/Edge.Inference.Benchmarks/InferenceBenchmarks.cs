using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using Edge.Inference.Native;
using Edge.Inference.Session;

namespace Edge.Inference.Benchmarks;

/// <summary>
/// One run of a 200-row batch: the raw C API (OrtApi::Run on pre-built OrtValues, nothing else) against our binding
/// (hot path) and our general Run (creates and releases values per call). Same session, same buffers.
/// </summary>
[MemoryDiagnoser]
public unsafe class InferenceBenchmarks
{
    private IInferenceSession _session = null!;
    private IInferenceBinding _binding = null!;
    private float[] _x = null!;
    private float[] _y = null!;
    private InputTensor[] _inputs = null!;
    private GCHandle _xPin;
    private GCHandle _yPin;
    private nint* _raw; // [input name, input value, output name, output value]

    [Params("logreg", "mlp")]
    public string Model { get; set; } = "logreg";

    [GlobalSetup]
    public void Setup()
    {
        var factory = new InferenceSessionFactory(new InferenceOptions { Session = new InferenceSessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 } });
        _session = factory.Create(Model == "mlp" ? BenchModels.Mlp() : BenchModels.LogisticRegression(), Model);
        _x = BenchModels.Input();
        _y = new float[BenchModels.Rows];
        _inputs = [InputTensor.Create<float>("x", _x, BenchModels.Rows, BenchModels.Features)];
        _binding = _session.CreateBinding();
        _binding.BindInput<float>("x", _x, [BenchModels.Rows, BenchModels.Features]);
        _binding.BindOutput<float>("y", _y, [BenchModels.Rows, 1]);

        // The reference: the same OrtApi::Run call made directly, with values and names prepared once.
        _xPin = GCHandle.Alloc(_x, GCHandleType.Pinned);
        _yPin = GCHandle.Alloc(_y, GCHandleType.Pinned);
        _raw = (nint*)NativeMemory.AllocZeroed(4, (nuint)sizeof(nint));
        _raw[0] = Marshal.StringToCoTaskMemUTF8("x");
        _raw[2] = Marshal.StringToCoTaskMemUTF8("y");
        _raw[1] = CreateValue(_xPin.AddrOfPinnedObject(), _x.Length, [BenchModels.Rows, BenchModels.Features]);
        _raw[3] = CreateValue(_yPin.AddrOfPinnedObject(), _y.Length, [BenchModels.Rows, 1]);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        OrtApi.ReleaseValue(_raw[1]);
        OrtApi.ReleaseValue(_raw[3]);
        Marshal.FreeCoTaskMem(_raw[0]);
        Marshal.FreeCoTaskMem(_raw[2]);
        NativeMemory.Free(_raw);
        _xPin.Free();
        _yPin.Free();
        _binding.Dispose();
        _session.Dispose();
    }

    [Benchmark(Baseline = true, Description = "raw C API")]
    public float RawCApi()
    {
        var session = ((OnnxSession)_session).Handle.DangerousGetHandle();
        OrtApi.Check(OrtApi.Run(session, 0, (byte**)&_raw[0], &_raw[1], 1, (byte**)&_raw[2], 1, &_raw[3]));
        return _y[0];
    }

    [Benchmark(Description = "binding (pooled)")]
    public float Binding()
    {
        _binding.Run();
        return _y[0];
    }

    [Benchmark(Description = "session.Run + CopyTo")]
    public float SessionRun()
    {
        using var outputs = _session.Run(_inputs);
        outputs[0].CopyTo<float>(_y);
        return _y[0];
    }

    private static nint CreateValue(nint data, int length, long[] shape)
    {
        nint value;
        fixed (long* dims = shape)
        {
            OrtApi.Check(OrtApi.CreateTensorWithDataAsOrtValue(
                OrtEnvironment.CpuMemoryInfo.DangerousGetHandle(), (void*)data, (nuint)(length * sizeof(float)), dims, (nuint)shape.Length, (int)TensorElementType.Float, &value));
        }

        return value;
    }
}
