namespace Edge.Inference;

/// <summary>ORT graph optimisation level (GraphOptimizationLevel in onnxruntime_c_api.h, same values).</summary>
public enum GraphOptimizationLevel
{
    DisableAll = 0,
    Basic = 1,
    Extended = 2,
    All = 99,
}
