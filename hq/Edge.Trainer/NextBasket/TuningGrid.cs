namespace Edge.Trainer.NextBasket;

/// <summary>
/// Hyper-parameter values tried on the validation users: first the vector shape (group size and decays) at the
/// TIFU paper's Ta-Feng defaults for k and alpha, then k, alpha and beta for the best shape.
/// </summary>
internal sealed record TuningGrid(int[] GroupSizes, float[] WithinDecays, float[] GroupDecays, int[] Neighbours, float[] Alphas, float[] PopularityWeights)
{
    public static TuningGrid Default { get; } = new(
        [3, 7, 11],
        [0.9f, 1.0f],
        [0.6f, 0.8f, 1.0f],
        [50, 100, 300, 600],
        [0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f, 0.9f],
        [0.005f, 0.02f, 0.05f, 0.1f]);

    /// <summary>One point: for tests and quick runs.</summary>
    public static TuningGrid Single(TifuParameters p) =>
        new([p.GroupSize], [p.WithinDecay], [p.GroupDecay], [p.Neighbours], [p.Alpha], [p.PopularityWeight]);
}
