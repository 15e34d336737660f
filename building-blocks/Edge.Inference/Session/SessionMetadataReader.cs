using System.Runtime.InteropServices;
using Edge.Inference.Native;

namespace Edge.Inference.Session;

/// <summary>Reads names and OrtTypeInfo of a session's inputs and outputs into <see cref="NodeMetadata"/>.</summary>
internal static unsafe class SessionMetadataReader
{
    internal static NodeMetadata[] ReadInputs(nint session) => Read(session, isInput: true);

    internal static NodeMetadata[] ReadOutputs(nint session) => Read(session, isInput: false);

    private static NodeMetadata[] Read(nint session, bool isInput)
    {
        nuint count;
        OrtApi.Check(isInput ? OrtApi.SessionGetInputCount(session, &count) : OrtApi.SessionGetOutputCount(session, &count));
        var allocator = OrtApi.DefaultAllocator;
        var result = new NodeMetadata[(int)count];
        for (nuint i = 0; i < count; i++)
        {
            byte* namePointer;
            OrtApi.Check(isInput
                ? OrtApi.SessionGetInputName(session, i, allocator, &namePointer)
                : OrtApi.SessionGetOutputName(session, i, allocator, &namePointer));
            string name;
            try
            {
                name = Marshal.PtrToStringUTF8((nint)namePointer) ?? string.Empty;
            }
            finally
            {
                OrtApi.Check(OrtApi.AllocatorFree(allocator, namePointer));
            }

            using var typeInfo = new OrtTypeInfoHandle();
            nint info;
            OrtApi.Check(isInput ? OrtApi.SessionGetInputTypeInfo(session, i, &info) : OrtApi.SessionGetOutputTypeInfo(session, i, &info));
            typeInfo.Attach(info);
            result[(int)i] = Describe(name, info);
        }

        return result;
    }

    /// <summary>Describes an OrtTypeInfo (not released here).</summary>
    private static NodeMetadata Describe(string name, nint typeInfo)
    {
        int onnxType;
        OrtApi.Check(OrtApi.GetOnnxTypeFromTypeInfo(typeInfo, &onnxType));
        var kind = (OnnxValueKind)onnxType;
        switch (kind)
        {
            case OnnxValueKind.Tensor:
            case OnnxValueKind.SparseTensor:
            {
                nint tensorInfo;
                OrtApi.Check(OrtApi.CastTypeInfoToTensorInfo(typeInfo, &tensorInfo));
                return tensorInfo == 0
                    ? new NodeMetadata(name, kind, TensorElementType.Undefined, [], [])
                    : DescribeTensor(name, kind, tensorInfo);
            }

            case OnnxValueKind.Sequence:
            {
                nint sequenceInfo;
                OrtApi.Check(OrtApi.CastTypeInfoToSequenceTypeInfo(typeInfo, &sequenceInfo));
                nint elementInfo;
                OrtApi.Check(OrtApi.GetSequenceElementType(sequenceInfo, &elementInfo));
                using var element = new OrtTypeInfoHandle();
                element.Attach(elementInfo);
                return new NodeMetadata(name, kind, TensorElementType.Undefined, [], []) { Element = Describe(name + "[]", elementInfo) };
            }

            case OnnxValueKind.Map:
            {
                nint mapInfo;
                OrtApi.Check(OrtApi.CastTypeInfoToMapTypeInfo(typeInfo, &mapInfo));
                int keyType;
                OrtApi.Check(OrtApi.GetMapKeyType(mapInfo, &keyType));
                nint valueInfo;
                OrtApi.Check(OrtApi.GetMapValueType(mapInfo, &valueInfo));
                using var value = new OrtTypeInfoHandle();
                value.Attach(valueInfo);
                return new NodeMetadata(name, kind, TensorElementType.Undefined, [], [])
                {
                    MapKeyType = (TensorElementType)keyType,
                    Element = Describe(name + ".value", valueInfo),
                };
            }

            default:
                return new NodeMetadata(name, kind, TensorElementType.Undefined, [], []);
        }
    }

    /// <summary>Element type and shape; the tensor info belongs to its OrtTypeInfo (CastTypeInfoToTensorInfo does not copy).</summary>
    private static NodeMetadata DescribeTensor(string name, OnnxValueKind kind, nint tensorInfo)
    {
        int elementType;
        nuint rank;
        OrtApi.Check(OrtApi.GetTensorElementType(tensorInfo, &elementType));
        OrtApi.Check(OrtApi.GetDimensionsCount(tensorInfo, &rank));
        var dims = new long[(int)rank];
        var symbols = new string[(int)rank];
        if (rank > 0)
        {
            var symbolPointers = stackalloc byte*[(int)rank];
            fixed (long* d = dims)
            {
                OrtApi.Check(OrtApi.GetDimensions(tensorInfo, d, rank));
            }

            OrtApi.Check(OrtApi.GetSymbolicDimensions(tensorInfo, symbolPointers, rank));
            for (var i = 0; i < (int)rank; i++)
            {
                symbols[i] = symbolPointers[i] == null ? string.Empty : Marshal.PtrToStringUTF8((nint)symbolPointers[i]) ?? string.Empty;
            }
        }

        return new NodeMetadata(name, kind, (TensorElementType)elementType, dims, symbols);
    }
}
