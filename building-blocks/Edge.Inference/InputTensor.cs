using Edge.Inference.Tensors;

namespace Edge.Inference;

/// <summary>A named model input: a dense tensor over caller memory, or a string tensor.</summary>
public abstract class InputTensor
{
    private protected InputTensor(string name, TensorElementType elementType, long[] shape)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(shape);
        Name = name;
        ElementType = elementType;
        Shape = shape;
    }

    public string Name { get; }

    public TensorElementType ElementType { get; }

    public IReadOnlyList<long> Shape { get; }

    /// <summary>
    /// A tensor over <paramref name="data"/> (not copied: pinned for the duration of a run). The element type follows
    /// from <typeparamref name="T"/> (float, double, int, long, bool, byte, sbyte, short, ushort, uint, ulong, Half).
    /// </summary>
    public static InputTensor Create<T>(string name, Memory<T> data, params long[] shape)
        where T : unmanaged => new DenseInputTensor<T>(name, TensorElementTypes.Of<T>(), data, shape);

    /// <summary>A tensor whose element type is given explicitly, e.g. BFloat16 or Float16 bits carried in ushort.</summary>
    public static InputTensor Create<T>(string name, TensorElementType elementType, Memory<T> data, params long[] shape)
        where T : unmanaged => new DenseInputTensor<T>(name, elementType, data, shape);

    /// <summary>A string tensor (UTF-8 inside ORT).</summary>
    public static InputTensor FromStrings(string name, IReadOnlyList<string> values, params long[] shape) =>
        new StringInputTensor(name, values, shape);

    /// <summary>Creates the OrtValue; <paramref name="pin"/> keeps caller memory pinned until the run ends.</summary>
    internal abstract nint CreateOrtValue(ref System.Buffers.MemoryHandle pin);
}
