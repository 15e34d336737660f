namespace Edge.Inference.Tests.Conformance;

/// <summary>How one backend node case ended.</summary>
internal enum ConformanceOutcome
{
    Passed,
    Failed,

    /// <summary>The case uses a value kind or element type the binding does not handle.</summary>
    SkippedType,

    /// <summary>ONNX Runtime itself rejects the model or fails the run (our binding is not involved in the error).</summary>
    SkippedOrt,
}
