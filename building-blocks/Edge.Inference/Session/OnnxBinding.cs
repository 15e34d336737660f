using System.Buffers;
using System.Runtime.InteropServices;
using Edge.Inference.Native;
using Edge.Inference.Tensors;

namespace Edge.Inference.Session;

/// <summary>
/// Caller buffers bound to a session: each bound buffer is pinned once and wrapped once in an OrtValue, and the
/// name/value pointer arrays live in native memory, so <see cref="Run"/> is a single OrtApi::Run call with no managed
/// allocation. Outputs are pre-allocated OrtValues over caller memory, which OrtApi::Run fills in place.
/// </summary>
internal sealed unsafe class OnnxBinding : IInferenceBinding
{
    private readonly OnnxSession _session;
    private readonly Slot[] _inputs;
    private readonly Slot[] _outputs;
    private nint* _arrays;
    private int _inputCount;
    private int _outputCount;
    private OrtRunOptionsHandle? _runOptions;
    private bool _terminated;

    internal OnnxBinding(OnnxSession session)
    {
        _session = session;
        _inputs = new Slot[session.Inputs.Count];
        _outputs = new Slot[session.Outputs.Count];
        // One native block: [input names | input values | output names | output values].
        _arrays = (nint*)NativeMemory.AllocZeroed((nuint)(2 * (_inputs.Length + _outputs.Length) + 1), (nuint)sizeof(nint));
    }

    private nint* InputNamesArray => _arrays;

    private nint* InputValuesArray => _arrays + _inputs.Length;

    private nint* OutputNamesArray => _arrays + (2 * _inputs.Length);

    private nint* OutputValuesArray => _arrays + (2 * _inputs.Length) + _outputs.Length;

    public void BindInput<T>(string name, Memory<T> buffer, ReadOnlySpan<long> shape)
        where T : unmanaged
    {
        ObjectDisposedException.ThrowIf(_arrays == null, this);
        var index = _session.IndexOfInput(name);
        Bind(_inputs, index, name, buffer, shape);
        _inputCount = Compact(_inputs, _session.InputNames, InputNamesArray, InputValuesArray);
    }

    public void BindOutput<T>(string name, Memory<T> buffer, ReadOnlySpan<long> shape)
        where T : unmanaged
    {
        ObjectDisposedException.ThrowIf(_arrays == null, this);
        var index = _session.IndexOfOutput(name);
        Bind(_outputs, index, name, buffer, shape);
        _outputCount = Compact(_outputs, _session.OutputNames, OutputNamesArray, OutputValuesArray);
    }

    public void Run(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_arrays == null, this);
        cancellationToken.ThrowIfCancellationRequested();
        if (_outputCount == 0)
        {
            throw new InvalidOperationException($"Bind at least one output of model '{_session.ModelName}' before Run.");
        }

        var session = _session.Handle;
        var addedRef = false;
        CancellationTokenRegistration registration = default;
        try
        {
            session.DangerousAddRef(ref addedRef);
            nint runOptions = 0;
            if (cancellationToken.CanBeCanceled)
            {
                runOptions = PrepareRunOptions();
                registration = cancellationToken.UnsafeRegister(OrtRunOptionsHandle.TerminateCallback, _runOptions);
            }

            var status = OrtApi.Run(
                session.DangerousGetHandle(),
                runOptions,
                (byte**)InputNamesArray,
                InputValuesArray,
                (nuint)_inputCount,
                (byte**)OutputNamesArray,
                (nuint)_outputCount,
                OutputValuesArray);
            registration.Dispose();
            _terminated |= cancellationToken.IsCancellationRequested;
            OnnxSession.ThrowIfFailed(status, cancellationToken);
        }
        finally
        {
            registration.Dispose();
            if (addedRef)
            {
                session.DangerousRelease();
            }
        }
    }

    public void Dispose()
    {
        if (_arrays == null)
        {
            return;
        }

        foreach (var slot in _inputs)
        {
            slot?.Dispose();
        }

        foreach (var slot in _outputs)
        {
            slot?.Dispose();
        }

        _runOptions?.Dispose();
        NativeMemory.Free(_arrays);
        _arrays = null;
    }

    private static void Bind<T>(Slot[] slots, int index, string name, Memory<T> buffer, ReadOnlySpan<long> shape)
        where T : unmanaged
    {
        var count = TensorElementTypes.ElementCount(shape);
        if (count != buffer.Length)
        {
            throw new ArgumentException($"'{name}': shape [{string.Join(',', shape.ToArray())}] needs {count} elements but the buffer holds {buffer.Length}.", nameof(buffer));
        }

        var pin = buffer.Pin();
        var value = new OrtValueHandle();
        try
        {
            value.Attach(DenseInputTensor<T>.CreateValue(pin.Pointer, buffer.Length, shape, TensorElementTypes.Of<T>()));
        }
        catch
        {
            pin.Dispose();
            throw;
        }

        slots[index]?.Dispose();
        slots[index] = new Slot(value, pin);
    }

    /// <summary>Writes the bound slots' name and value pointers contiguously; returns how many are bound.</summary>
    private static int Compact(Slot[] slots, NativeNameTable names, nint* nameArray, nint* valueArray)
    {
        var n = 0;
        for (var i = 0; i < slots.Length; i++)
        {
            if (slots[i] is { } slot)
            {
                nameArray[n] = (nint)names[i];
                valueArray[n] = slot.Value.DangerousGetHandle();
                n++;
            }
        }

        return n;
    }

    private nint PrepareRunOptions()
    {
        if (_runOptions is null)
        {
            _runOptions = OrtRunOptionsHandle.Create();
        }
        else if (_terminated)
        {
            // A cancelled run leaves the flag set; clear it or every later run would stop at once.
            _runOptions.ResetTerminate();
            _terminated = false;
        }

        return _runOptions.DangerousGetHandle();
    }

    /// <summary>A bound buffer: its pin and the OrtValue over it, released together.</summary>
    private sealed class Slot(OrtValueHandle value, MemoryHandle pin) : IDisposable
    {
        private MemoryHandle _pin = pin;

        internal OrtValueHandle Value { get; } = value;

        public void Dispose()
        {
            Value.Dispose();
            _pin.Dispose();
        }
    }
}
