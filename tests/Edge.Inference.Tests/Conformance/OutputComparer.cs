using System.Globalization;
using System.Runtime.InteropServices;

namespace Edge.Inference.Tests.Conformance;

/// <summary>
/// Compares an ORT output with the expected TensorProto the way the ONNX backend tests do
/// (numpy.testing.assert_allclose with rtol 1e-3, atol 1e-7; NaN equals NaN; integers, bools and strings exactly).
/// </summary>
internal static class OutputComparer
{
    internal const double RelativeTolerance = 1e-3;
    internal const double AbsoluteTolerance = 1e-7;

    /// <summary>Null when equal; else what differs.</summary>
    internal static string? Compare(LoadedTensor expected, OutputValue actual)
    {
        if (actual.Kind != OnnxValueKind.Tensor)
        {
            return $"{expected.Name}: got a {actual.Kind}, expected a tensor";
        }

        if (actual.ElementType != expected.ElementType)
        {
            return $"{expected.Name}: got {actual.ElementType}, expected {expected.ElementType}";
        }

        if (!actual.Shape.SequenceEqual(expected.Dims))
        {
            return $"{expected.Name}: shape [{string.Join(',', actual.Shape)}], expected [{string.Join(',', expected.Dims)}]";
        }

        if (expected.ElementType == TensorElementType.String)
        {
            var strings = actual.GetStrings();
            for (var i = 0; i < strings.Length; i++)
            {
                if (strings[i] != expected.Strings![i])
                {
                    return $"{expected.Name}[{i}]: '{strings[i]}', expected '{expected.Strings[i]}'";
                }
            }

            return null;
        }

        return expected.ElementType switch
        {
            TensorElementType.Float => CompareFloats(expected.Name, MemoryMarshal.Cast<byte, float>(expected.Raw), actual.AsSpan<float>(), v => v),
            TensorElementType.Double => CompareFloats(expected.Name, MemoryMarshal.Cast<byte, double>(expected.Raw), actual.AsSpan<double>(), v => v),
            TensorElementType.Float16 => CompareFloats(expected.Name, MemoryMarshal.Cast<byte, Half>(expected.Raw), actual.AsSpan<Half>(), v => (double)v),
            TensorElementType.BFloat16 => CompareFloats(expected.Name, MemoryMarshal.Cast<byte, ushort>(expected.Raw), actual.AsSpan<ushort>(), BFloat16ToDouble),
            _ => CompareExact(expected.Name, expected.Raw, RawBytes(actual)),
        };
    }

    private static double BFloat16ToDouble(ushort bits) => BitConverter.Int32BitsToSingle(bits << 16);

    private static string? CompareFloats<T>(string name, ReadOnlySpan<T> expected, ReadOnlySpan<T> actual, Func<T, double> toDouble)
        where T : unmanaged
    {
        for (var i = 0; i < expected.Length; i++)
        {
            var e = toDouble(expected[i]);
            var a = toDouble(actual[i]);
            if (double.IsNaN(e) && double.IsNaN(a))
            {
                continue;
            }

            if (double.IsInfinity(e) || double.IsInfinity(a))
            {
                if (e != a)
                {
                    return Mismatch(name, i, a, e);
                }

                continue;
            }

            if (!(Math.Abs(a - e) <= AbsoluteTolerance + (RelativeTolerance * Math.Abs(e))))
            {
                return Mismatch(name, i, a, e);
            }
        }

        return null;
    }

    private static string Mismatch(string name, int index, double actual, double expected) =>
        string.Create(CultureInfo.InvariantCulture, $"{name}[{index}]: {actual:G9}, expected {expected:G9} (rtol {RelativeTolerance}, atol {AbsoluteTolerance})");

    private static string? CompareExact(string name, ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual)
    {
        var at = expected.SequenceEqual(actual) ? -1 : expected.CommonPrefixLength(actual);
        return at < 0 ? null : $"{name}: bytes differ at byte {at}";
    }

    private static ReadOnlySpan<byte> RawBytes(OutputValue value) => value.ElementType switch
    {
        TensorElementType.Int32 => MemoryMarshal.AsBytes(value.AsSpan<int>()),
        TensorElementType.Int64 => MemoryMarshal.AsBytes(value.AsSpan<long>()),
        TensorElementType.Bool => MemoryMarshal.AsBytes(value.AsSpan<bool>()),
        TensorElementType.UInt8 => value.AsSpan<byte>(),
        TensorElementType.Int8 => MemoryMarshal.AsBytes(value.AsSpan<sbyte>()),
        TensorElementType.Int16 => MemoryMarshal.AsBytes(value.AsSpan<short>()),
        TensorElementType.UInt16 => MemoryMarshal.AsBytes(value.AsSpan<ushort>()),
        TensorElementType.UInt32 => MemoryMarshal.AsBytes(value.AsSpan<uint>()),
        TensorElementType.UInt64 => MemoryMarshal.AsBytes(value.AsSpan<ulong>()),
        var other => throw new NotSupportedException($"element type {other}"),
    };
}
