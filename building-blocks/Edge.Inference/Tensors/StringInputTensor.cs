using System.Buffers;
using System.Runtime.InteropServices;
using Edge.Inference.Native;

namespace Edge.Inference.Tensors;

/// <summary>A string tensor: ORT copies the UTF-8 strings into its own tensor (FillStringTensor).</summary>
internal sealed class StringInputTensor : InputTensor
{
    private readonly IReadOnlyList<string> _values;
    private readonly long[] _shape;

    internal StringInputTensor(string name, IReadOnlyList<string> values, long[] shape)
        : base(name, TensorElementType.String, shape)
    {
        ArgumentNullException.ThrowIfNull(values);
        var count = TensorElementTypes.ElementCount(shape);
        if (count != values.Count)
        {
            throw new ArgumentException($"Input '{name}': shape [{string.Join(',', shape)}] needs {count} strings but {values.Count} were given.", nameof(values));
        }

        _values = values;
        _shape = shape;
    }

    internal override unsafe nint CreateOrtValue(ref MemoryHandle pin)
    {
        nint value;
        fixed (long* dims = _shape)
        {
            OrtApi.Check(OrtApi.CreateTensorAsOrtValue(OrtApi.DefaultAllocator, dims, (nuint)_shape.Length, (int)TensorElementType.String, &value));
        }

        var utf8 = new nint[_values.Count];
        try
        {
            for (var i = 0; i < utf8.Length; i++)
            {
                utf8[i] = Marshal.StringToCoTaskMemUTF8(_values[i] ?? string.Empty);
            }

            fixed (nint* strings = utf8)
            {
                OrtApi.Check(OrtApi.FillStringTensor(value, (byte**)strings, (nuint)utf8.Length));
            }
        }
        catch
        {
            OrtApi.ReleaseValue(value);
            throw;
        }
        finally
        {
            foreach (var s in utf8)
            {
                Marshal.FreeCoTaskMem(s);
            }
        }

        return value;
    }
}
