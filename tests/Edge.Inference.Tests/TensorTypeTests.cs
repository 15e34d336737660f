using Edge.Inference.Tests.Support;
using DataType = Onnx.TensorProto.Types.DataType;

namespace Edge.Inference.Tests;

/// <summary>Round trips through Identity prove each element type's layout in and out of ORT.</summary>
public sealed class TensorTypeTests
{
    [RequiresOnnxRuntimeFact]
    public void Run_IdentityOfEveryHandledType_ReturnsTheSameValues()
    {
        using var session = OrtTestRuntime.Factory.Create(
            TestModels.IdentityOf(DataType.Float, DataType.Double, DataType.Int32, DataType.Int64, DataType.Bool, DataType.Uint8, DataType.String, DataType.Int8, DataType.Int16, DataType.Uint16, DataType.Uint32, DataType.Uint64, DataType.Float16),
            "identity");
        float[] floats = [1.5f, -2.25f, float.NaN];
        double[] doubles = [Math.PI, -1e300, 0];
        int[] ints = [int.MinValue, 0, int.MaxValue];
        long[] longs = [long.MinValue, 42, long.MaxValue];
        bool[] bools = [true, false, true];
        byte[] bytes = [0, 128, 255];
        string[] strings = ["ä€😀", string.Empty, "plain"];
        sbyte[] sbytes = [-128, 0, 127];
        short[] shorts = [short.MinValue, 1, short.MaxValue];
        ushort[] ushorts = [0, 1, ushort.MaxValue];
        uint[] uints = [0, 1, uint.MaxValue];
        ulong[] ulongs = [0, 1, ulong.MaxValue];
        Half[] halves = [(Half)1.5f, (Half)(-0.25f), Half.MaxValue];

        using var outputs = session.Run(
        [
            InputTensor.Create<float>("in_Float", floats, 3), InputTensor.Create<double>("in_Double", doubles, 3),
            InputTensor.Create<int>("in_Int32", ints, 3), InputTensor.Create<long>("in_Int64", longs, 3),
            InputTensor.Create<bool>("in_Bool", bools, 3), InputTensor.Create<byte>("in_Uint8", bytes, 3),
            InputTensor.FromStrings("in_String", strings, 3), InputTensor.Create<sbyte>("in_Int8", sbytes, 3),
            InputTensor.Create<short>("in_Int16", shorts, 3), InputTensor.Create<ushort>("in_Uint16", ushorts, 3),
            InputTensor.Create<uint>("in_Uint32", uints, 3), InputTensor.Create<ulong>("in_Uint64", ulongs, 3),
            InputTensor.Create<Half>("in_Float16", halves, 3),
        ]);

        Assert.Equal(floats, outputs["out_Float"].ToArray<float>());
        Assert.Equal(doubles, outputs["out_Double"].ToArray<double>());
        Assert.Equal(ints, outputs["out_Int32"].ToArray<int>());
        Assert.Equal(longs, outputs["out_Int64"].ToArray<long>());
        Assert.Equal(bools, outputs["out_Bool"].ToArray<bool>());
        Assert.Equal(bytes, outputs["out_Uint8"].ToArray<byte>());
        Assert.Equal(strings, outputs["out_String"].GetStrings());
        Assert.Equal(sbytes, outputs["out_Int8"].ToArray<sbyte>());
        Assert.Equal(shorts, outputs["out_Int16"].ToArray<short>());
        Assert.Equal(ushorts, outputs["out_Uint16"].ToArray<ushort>());
        Assert.Equal(uints, outputs["out_Uint32"].ToArray<uint>());
        Assert.Equal(ulongs, outputs["out_Uint64"].ToArray<ulong>());
        Assert.Equal(halves, outputs["out_Float16"].ToArray<Half>());
        Assert.Equal(TensorElementType.String, outputs["out_String"].ElementType);
    }

    [RequiresOnnxRuntimeFact]
    public void CopyTo_PooledBuffer_CopiesAndRejectsTooSmallDestination()
    {
        using var session = OrtTestRuntime.Factory.Create(TestModels.IdentityOf(DataType.Float), "identity");
        float[] input = [1, 2, 3, 4];
        using var outputs = session.Run([InputTensor.Create<float>("in_Float", input, 4)]);
        var pooled = System.Buffers.ArrayPool<float>.Shared.Rent(16);
        try
        {
            Assert.Equal(4, outputs[0].CopyTo<float>(pooled));
            Assert.Equal(input, pooled[..4]);
            Assert.Throws<ArgumentException>(() => outputs[0].CopyTo<float>(new float[3]));
            var wrongType = Assert.Throws<InvalidOperationException>(() => outputs[0].ToArray<double>());
            Assert.Contains("Float tensor", wrongType.Message, StringComparison.Ordinal);
        }
        finally
        {
            System.Buffers.ArrayPool<float>.Shared.Return(pooled);
        }
    }

    [RequiresOnnxRuntimeFact]
    public void Run_EmptyTensor_ReturnsEmptyOutput()
    {
        using var session = OrtTestRuntime.Factory.Create(TestModels.IdentityOf(DataType.Float, DataType.String), "identity");

        using var outputs = session.Run([InputTensor.Create<float>("in_Float", Memory<float>.Empty, 0), InputTensor.FromStrings("in_String", [], 0)]);

        Assert.Equal([0L], outputs["out_Float"].Shape);
        Assert.True(outputs["out_Float"].AsSpan<float>().IsEmpty);
        Assert.Empty(outputs["out_String"].GetStrings());
    }
}
