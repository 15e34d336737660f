using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace Edge.Inference.Tests.Conformance;

/// <summary>
/// Reads an ONNX TensorProto (the backend tests' input_N.pb / output_N.pb) into raw little-endian element bytes, or
/// strings. Values live either in raw_data or in the typed repeated fields; onnx.proto says which field carries which
/// type (int32_data also carries int8/int16/uint8/uint16/bool/float16/bfloat16, uint64_data carries uint32/uint64).
/// </summary>
internal static class TensorProtoReader
{
    internal static LoadedTensor Read(string path)
    {
        var proto = TensorProto.Parser.ParseFrom(File.ReadAllBytes(path));
        return Read(proto);
    }

    internal static LoadedTensor Read(TensorProto proto)
    {
        var type = (TensorElementType)proto.DataType;
        var dims = proto.Dims.ToArray();
        if (type == TensorElementType.String)
        {
            return new LoadedTensor(proto.Name, type, dims, [], proto.StringData.Select(s => s.ToStringUtf8()).ToArray());
        }

        if (proto.DataLocation == TensorProto.Types.DataLocation.External)
        {
            throw new NotSupportedException("external tensor data");
        }

        var size = ElementSize(type);
        byte[] raw;
        if (proto.HasRawData)
        {
            raw = proto.RawData.ToByteArray();
        }
        else
        {
            raw = type switch
            {
                TensorElementType.Float => MemoryMarshal.AsBytes(proto.FloatData.ToArray().AsSpan()).ToArray(),
                TensorElementType.Double => MemoryMarshal.AsBytes(proto.DoubleData.ToArray().AsSpan()).ToArray(),
                TensorElementType.Int64 => MemoryMarshal.AsBytes(proto.Int64Data.ToArray().AsSpan()).ToArray(),
                TensorElementType.UInt64 => MemoryMarshal.AsBytes(proto.Uint64Data.ToArray().AsSpan()).ToArray(),
                TensorElementType.UInt32 => MemoryMarshal.AsBytes(proto.Uint64Data.Select(v => (uint)v).ToArray().AsSpan()).ToArray(),
                TensorElementType.Int32 => MemoryMarshal.AsBytes(proto.Int32Data.ToArray().AsSpan()).ToArray(),
                TensorElementType.Int16 => MemoryMarshal.AsBytes(proto.Int32Data.Select(v => (short)v).ToArray().AsSpan()).ToArray(),
                TensorElementType.UInt16 or TensorElementType.Float16 or TensorElementType.BFloat16 =>
                    MemoryMarshal.AsBytes(proto.Int32Data.Select(v => (ushort)v).ToArray().AsSpan()).ToArray(),
                TensorElementType.Int8 => proto.Int32Data.Select(v => (byte)(sbyte)v).ToArray(),
                TensorElementType.UInt8 or TensorElementType.Bool => proto.Int32Data.Select(v => (byte)v).ToArray(),
                _ => throw new NotSupportedException($"element type {type}"),
            };
        }

        var count = dims.Aggregate(1L, (a, d) => a * d);
        if (raw.Length != count * size)
        {
            throw new InvalidDataException($"{proto.Name}: {raw.Length} bytes for {count} elements of {type}");
        }

        return new LoadedTensor(proto.Name, type, dims, raw, null);
    }

    internal static int ElementSize(TensorElementType type) => type switch
    {
        TensorElementType.Float or TensorElementType.Int32 or TensorElementType.UInt32 => 4,
        TensorElementType.Double or TensorElementType.Int64 or TensorElementType.UInt64 => 8,
        TensorElementType.UInt8 or TensorElementType.Int8 or TensorElementType.Bool => 1,
        TensorElementType.UInt16 or TensorElementType.Int16 or TensorElementType.Float16 or TensorElementType.BFloat16 => 2,
        _ => throw new NotSupportedException($"element type {type}"),
    };
}
