using System.Runtime.InteropServices;

namespace Edge.Inference.Tests.Conformance;

/// <summary>A tensor read from a TensorProto: raw little-endian element bytes, or strings.</summary>
internal sealed record LoadedTensor(string Name, TensorElementType ElementType, long[] Dims, byte[] Raw, string[]? Strings)
{
    /// <summary>An input for the binding, typed by element type (16-bit floats travel as Half or raw ushort).</summary>
    internal InputTensor ToInput(string name) => ElementType switch
    {
        TensorElementType.String => InputTensor.FromStrings(name, Strings!, Dims),
        TensorElementType.Float => InputTensor.Create(name, As<float>(), Dims),
        TensorElementType.Double => InputTensor.Create(name, As<double>(), Dims),
        TensorElementType.Int32 => InputTensor.Create(name, As<int>(), Dims),
        TensorElementType.Int64 => InputTensor.Create(name, As<long>(), Dims),
        TensorElementType.Bool => InputTensor.Create(name, Raw.Select(b => b != 0).ToArray().AsMemory(), Dims),
        TensorElementType.UInt8 => InputTensor.Create(name, Raw.AsMemory(), Dims),
        TensorElementType.Int8 => InputTensor.Create(name, As<sbyte>(), Dims),
        TensorElementType.Int16 => InputTensor.Create(name, As<short>(), Dims),
        TensorElementType.UInt16 => InputTensor.Create(name, As<ushort>(), Dims),
        TensorElementType.UInt32 => InputTensor.Create(name, As<uint>(), Dims),
        TensorElementType.UInt64 => InputTensor.Create(name, As<ulong>(), Dims),
        TensorElementType.Float16 => InputTensor.Create(name, As<Half>(), Dims),
        TensorElementType.BFloat16 => InputTensor.Create(name, TensorElementType.BFloat16, As<ushort>(), Dims),
        _ => throw new NotSupportedException($"element type {ElementType}"),
    };

    private Memory<T> As<T>()
        where T : unmanaged => MemoryMarshal.Cast<byte, T>(Raw).ToArray();
}
