namespace Edge.Inference;

/// <summary>Per-session ORT settings (OrtSessionOptions).</summary>
public sealed record InferenceSessionOptions
{
    /// <summary>Threads inside one operator; 0 lets ORT choose (all cores). Edge devices usually want 1.</summary>
    public int IntraOpNumThreads { get; init; }

    /// <summary>Threads across independent operators (only with parallel execution); 0 lets ORT choose.</summary>
    public int InterOpNumThreads { get; init; }

    public GraphOptimizationLevel GraphOptimizationLevel { get; init; } = GraphOptimizationLevel.All;

    /// <summary>When set, ORT writes the optimised model here at session creation (load it next time to start faster).</summary>
    public string? OptimizedModelFilePath { get; init; }
}
