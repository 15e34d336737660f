namespace Edge.WearableSimulator.Hosting;

/// <summary>(Public only because the page component, which Razor makes public, takes it.) One clerk wearing a simulated watch: on shift in <see cref="Zone"/>.</summary>
public sealed class SimulatedClerk
{
    public string Id { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Zone { get; set; } = string.Empty;
}
