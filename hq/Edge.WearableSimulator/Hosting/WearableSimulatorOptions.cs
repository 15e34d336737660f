using System.ComponentModel.DataAnnotations;

namespace Edge.WearableSimulator.Hosting;

/// <summary>Section <c>WearableSimulator</c>.</summary>
internal sealed class WearableSimulatorOptions
{
    public const string Section = "WearableSimulator";

    /// <summary>Where the page is served (loopback: the simulator has no login).</summary>
    [Required]
    public string Url { get; set; } = "http://127.0.0.1:5095";

    /// <summary>edge-agent's local API.</summary>
    [Required]
    public string AgentUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>The bearer token edge-agent gives wearables.</summary>
    public string? AgentToken { get; set; }

    /// <summary>The clerks whose watches this page shows; each reports on shift, not busy, in its zone at start.</summary>
    public List<SimulatedClerk> Clerks { get; set; } = [];
}
