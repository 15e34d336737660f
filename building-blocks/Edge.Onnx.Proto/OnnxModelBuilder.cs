using Google.Protobuf;

namespace Onnx;

/// <summary>
/// Small helpers to write ONNX models in code (tests, benchmarks, and the trainer that exports models): tensor
/// value infos with fixed or symbolic dimensions, nodes with attributes, initializers, and a ModelProto with opset
/// imports. Only what is needed to express a graph; the generated classes stay available for anything else.
/// </summary>
public static class OnnxModelBuilder
{
    /// <summary>IR version 8 (ONNX 1.10+), understood by ONNX Runtime 1.30.</summary>
    public const long IrVersion = 8;

    /// <summary>A ModelProto around <paramref name="graph"/> importing the default domain at <paramref name="opset"/> and any extra domains (e.g. ("ai.onnx.ml", 3)).</summary>
    public static ModelProto Model(GraphProto graph, long opset = 17, params (string Domain, long Version)[] extraOpsets)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "Store Edge",
            ProducerVersion = "0.1",
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = opset });
        foreach (var (domain, version) in extraOpsets)
        {
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = domain, Version = version });
        }

        return model;
    }

    /// <summary>A graph from its parts.</summary>
    public static GraphProto Graph(string name, IEnumerable<NodeProto> nodes, IEnumerable<ValueInfoProto> inputs, IEnumerable<ValueInfoProto> outputs, IEnumerable<TensorProto>? initializers = null)
    {
        var graph = new GraphProto { Name = name };
        graph.Node.AddRange(nodes);
        graph.Input.AddRange(inputs);
        graph.Output.AddRange(outputs);
        if (initializers is not null)
        {
            graph.Initializer.AddRange(initializers);
        }

        return graph;
    }

    /// <summary>A tensor input/output; each dimension is a <see cref="long"/> size or a <see cref="string"/> symbolic name.</summary>
    public static ValueInfoProto Tensor(string name, TensorProto.Types.DataType elementType, params object[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var dim in dims)
        {
            shape.Dim.Add(dim switch
            {
                string symbol => new TensorShapeProto.Types.Dimension { DimParam = symbol },
                int size => new TensorShapeProto.Types.Dimension { DimValue = size },
                long size => new TensorShapeProto.Types.Dimension { DimValue = size },
                _ => throw new ArgumentException($"Dimension {dim} must be a long size or a string name.", nameof(dims)),
            });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)elementType, Shape = shape } },
        };
    }

    /// <summary>An output of type sequence(map(key, float)), as ai.onnx.ml ZipMap produces.</summary>
    public static ValueInfoProto SequenceOfMaps(string name, TensorProto.Types.DataType keyType, TensorProto.Types.DataType valueType)
    {
        var valueTensor = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)valueType } };
        var map = new TypeProto { MapType = new TypeProto.Types.Map { KeyType = (int)keyType, ValueType = valueTensor } };
        return new ValueInfoProto { Name = name, Type = new TypeProto { SequenceType = new TypeProto.Types.Sequence { ElemType = map } } };
    }

    /// <summary>A node; <paramref name="domain"/> is "" for the default ONNX domain.</summary>
    public static NodeProto Node(string opType, IEnumerable<string> inputs, IEnumerable<string> outputs, string domain = "", params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Domain = domain, Name = opType + "_" + string.Join("_", outputs) };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes);
        return node;
    }

    public static AttributeProto Attribute(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Attribute(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    public static AttributeProto Attribute(string name, string value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };

    public static AttributeProto Attribute(string name, IEnumerable<long> values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    public static AttributeProto Attribute(string name, IEnumerable<string> values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Strings };
        attribute.Strings.AddRange(values.Select(ByteString.CopyFromUtf8));
        return attribute;
    }

    /// <summary>A float initializer (weights) stored as raw little-endian bytes.</summary>
    public static TensorProto Initializer(string name, ReadOnlySpan<float> values, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        tensor.RawData = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values));
        return tensor;
    }

    /// <summary>An int64 initializer (e.g. a shape for Reshape).</summary>
    public static TensorProto Initializer(string name, ReadOnlySpan<long> values, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.AddRange(dims);
        tensor.RawData = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values));
        return tensor;
    }
}
