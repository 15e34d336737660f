namespace Edge.Agent.Games;

/// <summary>One prize of the prize draw: its chance per draw (0-1), and its value, spent from the prize budget when won.</summary>
internal sealed class PrizeOption
{
    public string Name { get; set; } = string.Empty;

    public decimal Value { get; set; }

    public double Odds { get; set; }
}
