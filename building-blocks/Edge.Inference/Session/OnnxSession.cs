using System.Buffers;
using Edge.Inference.Native;
using Microsoft.Extensions.Logging;

namespace Edge.Inference.Session;

/// <summary>An OrtSession with its metadata and native name tables. Run is safe from many threads at once.</summary>
internal sealed unsafe class OnnxSession : IInferenceSession
{
    private readonly OrtSessionHandle _handle;
    private readonly ILogger _logger;

    internal OnnxSession(string modelName, OrtSessionHandle handle, ILogger logger)
    {
        ModelName = modelName;
        _handle = handle;
        _logger = logger;
        var pointer = handle.DangerousGetHandle();
        Inputs = SessionMetadataReader.ReadInputs(pointer);
        Outputs = SessionMetadataReader.ReadOutputs(pointer);
        InputNames = new NativeNameTable(Inputs.Select(i => i.Name).ToArray());
        OutputNames = new NativeNameTable(Outputs.Select(o => o.Name).ToArray());
        handle.OwnAlso(InputNames, OutputNames);
    }

    public string ModelName { get; }

    public IReadOnlyList<NodeMetadata> Inputs { get; }

    public IReadOnlyList<NodeMetadata> Outputs { get; }

    internal NativeNameTable InputNames { get; }

    internal NativeNameTable OutputNames { get; }

    internal OrtSessionHandle Handle => _handle;

    public InferenceOutputs Run(IReadOnlyList<InputTensor> inputs, IReadOnlyList<string>? outputNames = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        cancellationToken.ThrowIfCancellationRequested();
        var requested = outputNames ?? OutputNames.Names;
        var inputNamePointers = new nint[inputs.Count];
        var inputValues = new OrtValueHandle[inputs.Count];
        var inputPointers = new nint[inputs.Count];
        var pins = new MemoryHandle[inputs.Count];
        var outputNamePointers = new nint[requested.Count];
        var outputPointers = new nint[requested.Count];
        var addedRef = false;
        OrtRunOptionsHandle? runOptions = null;
        CancellationTokenRegistration registration = default;
        try
        {
            _handle.DangerousAddRef(ref addedRef);
            for (var i = 0; i < inputs.Count; i++)
            {
                var input = inputs[i] ?? throw new ArgumentException($"Input {i} is null.", nameof(inputs));
                inputNamePointers[i] = (nint)InputNames[IndexOfInput(input.Name)];
                inputValues[i] = new OrtValueHandle();
                inputValues[i].Attach(input.CreateOrtValue(ref pins[i]));
                inputPointers[i] = inputValues[i].DangerousGetHandle();
            }

            for (var j = 0; j < requested.Count; j++)
            {
                outputNamePointers[j] = (nint)OutputNames[IndexOfOutput(requested[j])];
            }

            if (cancellationToken.CanBeCanceled)
            {
                runOptions = OrtRunOptionsHandle.Create();
                registration = cancellationToken.UnsafeRegister(OrtRunOptionsHandle.TerminateCallback, runOptions);
            }

            nint status;
            fixed (nint* inNames = inputNamePointers)
            fixed (nint* inValues = inputPointers)
            fixed (nint* outNames = outputNamePointers)
            fixed (nint* outValues = outputPointers)
            {
                status = OrtApi.Run(
                    _handle.DangerousGetHandle(),
                    runOptions is null ? 0 : runOptions.DangerousGetHandle(),
                    (byte**)inNames,
                    inValues,
                    (nuint)inputs.Count,
                    (byte**)outNames,
                    (nuint)requested.Count,
                    outValues);
            }

            ThrowIfFailed(status, cancellationToken);
            return Wrap(requested, outputPointers);
        }
        catch
        {
            foreach (var pointer in outputPointers)
            {
                OrtApi.ReleaseValue(pointer);
            }

            throw;
        }
        finally
        {
            registration.Dispose();
            runOptions?.Dispose();
            foreach (var value in inputValues)
            {
                value?.Dispose();
            }

            foreach (var pin in pins)
            {
                pin.Dispose();
            }

            if (addedRef)
            {
                _handle.DangerousRelease();
            }
        }
    }

    public IInferenceBinding CreateBinding() => new OnnxBinding(this);

    public void Dispose()
    {
        if (!_handle.IsClosed)
        {
            _handle.Dispose();
            InferenceLog.SessionDisposed(_logger, ModelName);
        }
    }

    /// <summary>Maps a failed run to OperationCanceledException when the caller cancelled, else to OrtException.</summary>
    internal static void ThrowIfFailed(nint status, CancellationToken cancellationToken)
    {
        if (status == 0)
        {
            return;
        }

        if (cancellationToken.IsCancellationRequested)
        {
            try
            {
                OrtApi.Check(status);
            }
            catch (OrtException ex)
            {
                throw new OperationCanceledException("The inference run was cancelled (ORT terminate flag).", ex, cancellationToken);
            }
        }

        OrtApi.Check(status);
    }

    internal int IndexOfInput(string name)
    {
        var index = InputNames.IndexOf(name);
        return index >= 0
            ? index
            : throw new ArgumentException($"Model '{ModelName}' has no input '{name}'; its inputs are: {string.Join(", ", Inputs)}.", nameof(name));
    }

    internal int IndexOfOutput(string name)
    {
        var index = OutputNames.IndexOf(name);
        return index >= 0
            ? index
            : throw new ArgumentException($"Model '{ModelName}' has no output '{name}'; its outputs are: {string.Join(", ", Outputs)}.", nameof(name));
    }

    private static InferenceOutputs Wrap(IReadOnlyList<string> names, nint[] pointers)
    {
        var values = new OutputValue[pointers.Length];
        for (var j = 0; j < pointers.Length; j++)
        {
            var handle = new OrtValueHandle();
            handle.Attach(pointers[j]);
            pointers[j] = 0; // owned by the handle now
            try
            {
                values[j] = new OutputValue(names[j], handle);
            }
            catch
            {
                handle.Dispose();
                for (var k = 0; k < j; k++)
                {
                    values[k].Dispose();
                }

                throw;
            }
        }

        return new InferenceOutputs(values);
    }
}
