namespace Edge.Agent.Games;

/// <summary>One segment of the spin-to-win wheel: points and/or a prize (worth <see cref="PrizeValue"/> of the budget), and its weight.</summary>
internal sealed class SpinSegmentOption
{
    public string Label { get; set; } = string.Empty;

    public int Points { get; set; }

    public string? Prize { get; set; }

    public decimal PrizeValue { get; set; }

    public int Weight { get; set; } = 1;
}
