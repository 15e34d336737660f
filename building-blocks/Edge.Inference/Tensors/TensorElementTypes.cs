namespace Edge.Inference.Tensors;

/// <summary>Maps CLR element types to ONNX element types and sizes.</summary>
internal static class TensorElementTypes
{
    internal static TensorElementType Of<T>()
        where T : unmanaged
    {
        if (typeof(T) == typeof(float)) return TensorElementType.Float;
        if (typeof(T) == typeof(double)) return TensorElementType.Double;
        if (typeof(T) == typeof(int)) return TensorElementType.Int32;
        if (typeof(T) == typeof(long)) return TensorElementType.Int64;
        if (typeof(T) == typeof(bool)) return TensorElementType.Bool;
        if (typeof(T) == typeof(byte)) return TensorElementType.UInt8;
        if (typeof(T) == typeof(sbyte)) return TensorElementType.Int8;
        if (typeof(T) == typeof(short)) return TensorElementType.Int16;
        if (typeof(T) == typeof(ushort)) return TensorElementType.UInt16;
        if (typeof(T) == typeof(uint)) return TensorElementType.UInt32;
        if (typeof(T) == typeof(ulong)) return TensorElementType.UInt64;
        if (typeof(T) == typeof(Half)) return TensorElementType.Float16;
        throw new NotSupportedException($"{typeof(T).Name} is not an ONNX tensor element type.");
    }

    /// <summary>Bytes per element; 0 for types the binding does not lay out (string, complex).</summary>
    internal static int SizeOf(TensorElementType type) => type switch
    {
        TensorElementType.Float or TensorElementType.Int32 or TensorElementType.UInt32 => 4,
        TensorElementType.Double or TensorElementType.Int64 or TensorElementType.UInt64 => 8,
        TensorElementType.UInt8 or TensorElementType.Int8 or TensorElementType.Bool => 1,
        TensorElementType.UInt16 or TensorElementType.Int16 or TensorElementType.Float16 or TensorElementType.BFloat16 => 2,
        _ => 0,
    };

    /// <summary>Whether CLR type <typeparamref name="T"/> may carry elements of <paramref name="type"/> (same size and meaning, or raw 16-bit floats in ushort).</summary>
    internal static bool CanCarry<T>(TensorElementType type)
        where T : unmanaged
    {
        if (type is TensorElementType.Float16 or TensorElementType.BFloat16 && typeof(T) == typeof(ushort))
        {
            return true;
        }

        return SizeOf(type) != 0 && Of<T>() == type;
    }

    /// <summary>Checks a shape and returns its element count (1 for a scalar).</summary>
    internal static long ElementCount(ReadOnlySpan<long> shape)
    {
        long count = 1;
        foreach (var dim in shape)
        {
            if (dim < 0)
            {
                throw new ArgumentException($"Shape [{string.Join(',', shape.ToArray())}] has a negative dimension; give concrete sizes for inputs.", nameof(shape));
            }

            count = checked(count * dim);
        }

        return count;
    }
}
