using System.Buffers;
using System.Runtime.CompilerServices;
using Edge.Inference.Native;

namespace Edge.Inference.Tensors;

/// <summary>A dense tensor over caller memory: pinned and handed to ORT without a copy.</summary>
internal sealed class DenseInputTensor<T> : InputTensor
    where T : unmanaged
{
    private readonly Memory<T> _data;
    private readonly long[] _shape;

    internal DenseInputTensor(string name, TensorElementType elementType, Memory<T> data, long[] shape)
        : base(name, elementType, shape)
    {
        if (!TensorElementTypes.CanCarry<T>(elementType))
        {
            throw new ArgumentException($"Input '{name}': {typeof(T).Name} cannot carry {elementType} elements.", nameof(elementType));
        }

        var count = TensorElementTypes.ElementCount(shape);
        if (count != data.Length)
        {
            // ORT would read past the buffer if the shape promised more elements than the memory holds.
            throw new ArgumentException($"Input '{name}': shape [{string.Join(',', shape)}] needs {count} elements but the buffer holds {data.Length}.", nameof(data));
        }

        _data = data;
        _shape = shape;
    }

    internal override unsafe nint CreateOrtValue(ref MemoryHandle pin)
    {
        pin = _data.Pin();
        return CreateValue(pin.Pointer, _data.Length, _shape, ElementType);
    }

    /// <summary>CreateTensorWithDataAsOrtValue over pinned memory; ORT never frees it.</summary>
    internal static unsafe nint CreateValue(void* data, int length, ReadOnlySpan<long> shape, TensorElementType type)
    {
        // ORT rejects a null data pointer even for an empty tensor; any valid address will do for 0 bytes.
        byte empty = 0;
        var pointer = data == null ? &empty : data;
        nint value;
        fixed (long* dims = shape)
        {
            OrtApi.Check(OrtApi.CreateTensorWithDataAsOrtValue(
                OrtEnvironment.CpuMemoryInfo.DangerousGetHandle(),
                pointer,
                (nuint)((long)length * Unsafe.SizeOf<T>()),
                dims,
                (nuint)shape.Length,
                (int)type,
                &value));
        }

        return value;
    }
}
