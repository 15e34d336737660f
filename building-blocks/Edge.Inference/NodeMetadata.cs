namespace Edge.Inference;

/// <summary>
/// One model input or output. For a tensor: element type and shape, where a dimension the model leaves open is -1
/// and its name (e.g. "batch") is in <see cref="SymbolicDimensions"/>. For a sequence, <see cref="Element"/>
/// describes the elements; for a map, <see cref="MapKeyType"/> and <see cref="Element"/> (the value type).
/// </summary>
public sealed record NodeMetadata(
    string Name,
    OnnxValueKind Kind,
    TensorElementType ElementType,
    IReadOnlyList<long> Dimensions,
    IReadOnlyList<string> SymbolicDimensions)
{
    /// <summary>Key type when <see cref="Kind"/> is <see cref="OnnxValueKind.Map"/>.</summary>
    public TensorElementType MapKeyType { get; init; }

    /// <summary>Element of a sequence, or value of a map; null for tensors.</summary>
    public NodeMetadata? Element { get; init; }

    public override string ToString() => Kind switch
    {
        OnnxValueKind.Tensor => $"{Name}: {ElementType}[{string.Join(',', Dimensions.Select((d, i) => d >= 0 ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : (SymbolicDimensions[i].Length > 0 ? SymbolicDimensions[i] : "?")))}]",
        OnnxValueKind.Map => $"{Name}: map<{MapKeyType},{Element}>",
        OnnxValueKind.Sequence => $"{Name}: seq<{Element}>",
        _ => $"{Name}: {Kind}",
    };
}
