using Edge.Inference.Native;
using Edge.Inference.Tensors;

namespace Edge.Inference;

/// <summary>
/// One output of a run, still owned by ORT's memory until disposed: a tensor (read it as a span without copying,
/// copy it into caller memory, or read strings), a map, or a sequence (ZipMap gives a sequence of maps).
/// </summary>
public sealed unsafe class OutputValue : IDisposable
{
    private readonly OrtValueHandle _handle;
    private readonly long[] _shape;
    private List<OutputValue>? _children;

    internal OutputValue(string name, OrtValueHandle handle)
    {
        Name = name;
        _handle = handle;
        int kind;
        OrtApi.Check(OrtApi.GetValueType(handle.DangerousGetHandle(), &kind));
        Kind = (OnnxValueKind)kind;
        _shape = [];
        if (Kind == OnnxValueKind.Tensor)
        {
            (ElementType, _shape) = ReadTypeAndShape(handle.DangerousGetHandle());
        }
    }

    public string Name { get; }

    public OnnxValueKind Kind { get; }

    /// <summary>Element type of a tensor (Undefined for maps and sequences).</summary>
    public TensorElementType ElementType { get; }

    /// <summary>Shape of a tensor (empty for a scalar, or for maps and sequences).</summary>
    public IReadOnlyList<long> Shape => _shape;

    /// <summary>Number of elements of a tensor.</summary>
    public long ElementCount => Kind == OnnxValueKind.Tensor ? TensorElementTypes.ElementCount(_shape) : 0;

    /// <summary>The tensor's data in place (no copy); valid until this value is disposed.</summary>
    public ReadOnlySpan<T> AsSpan<T>()
        where T : unmanaged
    {
        RequireTensorOf<T>();
        var count = checked((int)ElementCount);
        if (count == 0)
        {
            return [];
        }

        void* data;
        OrtApi.Check(OrtApi.GetTensorMutableData(Pointer, &data));
        return new ReadOnlySpan<T>(data, count);
    }

    /// <summary>Copies the tensor into <paramref name="destination"/> (e.g. a pooled buffer); returns the element count.</summary>
    public int CopyTo<T>(Span<T> destination)
        where T : unmanaged
    {
        var source = AsSpan<T>();
        if (destination.Length < source.Length)
        {
            throw new ArgumentException($"Output '{Name}' has {source.Length} elements; the destination holds only {destination.Length}.", nameof(destination));
        }

        source.CopyTo(destination);
        return source.Length;
    }

    /// <summary>Copies the tensor into a new array.</summary>
    public T[] ToArray<T>()
        where T : unmanaged => AsSpan<T>().ToArray();

    /// <summary>The strings of a string tensor.</summary>
    public string[] GetStrings()
    {
        if (Kind != OnnxValueKind.Tensor || ElementType != TensorElementType.String)
        {
            throw new InvalidOperationException($"Output '{Name}' is {Describe()}, not a string tensor.");
        }

        var count = checked((int)ElementCount);
        if (count == 0)
        {
            return [];
        }

        nuint totalBytes;
        OrtApi.Check(OrtApi.GetStringTensorDataLength(Pointer, &totalBytes));
        var bytes = new byte[(int)totalBytes + 1];
        var offsets = new nuint[count];
        fixed (byte* b = bytes)
        fixed (nuint* o = offsets)
        {
            OrtApi.Check(OrtApi.GetStringTensorContent(Pointer, b, totalBytes, o, (nuint)count));
        }

        var result = new string[count];
        for (var i = 0; i < count; i++)
        {
            var start = (int)offsets[i];
            var end = i + 1 < count ? (int)offsets[i + 1] : (int)totalBytes;
            result[i] = System.Text.Encoding.UTF8.GetString(bytes, start, end - start);
        }

        return result;
    }

    /// <summary>The elements of a sequence (owned by this value; disposed with it).</summary>
    public IReadOnlyList<OutputValue> GetSequence()
    {
        if (Kind != OnnxValueKind.Sequence)
        {
            throw new InvalidOperationException($"Output '{Name}' is {Describe()}, not a sequence.");
        }

        if (_children is not null)
        {
            return _children;
        }

        nuint count;
        OrtApi.Check(OrtApi.GetValueCount(Pointer, &count));
        var children = new List<OutputValue>((int)count);
        try
        {
            for (var i = 0; i < (int)count; i++)
            {
                children.Add(GetChild(i, $"{Name}[{i}]"));
            }
        }
        catch
        {
            children.ForEach(c => c.Dispose());
            throw;
        }

        _children = children;
        return children;
    }

    /// <summary>Reads a map (e.g. one ZipMap row) into a dictionary.</summary>
    public Dictionary<TKey, TValue> GetMap<TKey, TValue>()
        where TKey : notnull
    {
        if (Kind != OnnxValueKind.Map)
        {
            throw new InvalidOperationException($"Output '{Name}' is {Describe()}, not a map.");
        }

        // A map OrtValue holds two tensors: index 0 the keys, index 1 the values (OrtApi::GetValue).
        using var keys = GetChild(0, Name + ".keys");
        using var values = GetChild(1, Name + ".values");
        var keyArray = ReadElements<TKey>(keys);
        var valueArray = ReadElements<TValue>(values);
        var map = new Dictionary<TKey, TValue>(keyArray.Length);
        for (var i = 0; i < keyArray.Length; i++)
        {
            map[keyArray[i]] = valueArray[i];
        }

        return map;
    }

    /// <summary>Reads a sequence of maps, the output of ai.onnx.ml ZipMap (class label or index to probability).</summary>
    public IReadOnlyList<Dictionary<TKey, TValue>> GetSequenceOfMaps<TKey, TValue>()
        where TKey : notnull => GetSequence().Select(m => m.GetMap<TKey, TValue>()).ToArray();

    public void Dispose()
    {
        if (_children is not null)
        {
            foreach (var child in _children)
            {
                child.Dispose();
            }
        }

        _handle.Dispose();
    }

    internal nint Pointer => _handle.IsClosed ? throw new ObjectDisposedException(nameof(OutputValue), $"Output '{Name}' was disposed.") : _handle.DangerousGetHandle();

    private static T[] ReadElements<T>(OutputValue tensor)
    {
        if (typeof(T) == typeof(string))
        {
            return (T[])(object)tensor.GetStrings();
        }

        return tensor.ElementType switch
        {
            TensorElementType.Int64 when typeof(T) == typeof(long) => (T[])(object)tensor.ToArray<long>(),
            TensorElementType.Float when typeof(T) == typeof(float) => (T[])(object)tensor.ToArray<float>(),
            TensorElementType.Double when typeof(T) == typeof(double) => (T[])(object)tensor.ToArray<double>(),
            _ => throw new InvalidOperationException($"'{tensor.Name}' holds {tensor.ElementType}, not {typeof(T).Name}."),
        };
    }

    private static (TensorElementType Type, long[] Shape) ReadTypeAndShape(nint value)
    {
        nint info;
        OrtApi.Check(OrtApi.GetTensorTypeAndShape(value, &info));
        try
        {
            int type;
            nuint rank;
            OrtApi.Check(OrtApi.GetTensorElementType(info, &type));
            OrtApi.Check(OrtApi.GetDimensionsCount(info, &rank));
            var shape = new long[(int)rank];
            fixed (long* dims = shape)
            {
                OrtApi.Check(OrtApi.GetDimensions(info, dims, rank));
            }

            return ((TensorElementType)type, shape);
        }
        finally
        {
            OrtApi.ReleaseTensorTypeAndShapeInfo(info);
        }
    }

    private OutputValue GetChild(int index, string name)
    {
        var handle = new OrtValueHandle();
        nint child;
        OrtApi.Check(OrtApi.GetValue(Pointer, index, OrtApi.DefaultAllocator, &child));
        handle.Attach(child);
        try
        {
            return new OutputValue(name, handle);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private void RequireTensorOf<T>()
        where T : unmanaged
    {
        if (Kind != OnnxValueKind.Tensor || !TensorElementTypes.CanCarry<T>(ElementType))
        {
            throw new InvalidOperationException($"Output '{Name}' is {Describe()}; it cannot be read as {typeof(T).Name}.");
        }
    }

    private string Describe() => Kind == OnnxValueKind.Tensor ? $"a {ElementType} tensor" : $"a {Kind}";
}
