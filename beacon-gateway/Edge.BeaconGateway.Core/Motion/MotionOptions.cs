namespace Edge.BeaconGateway.Motion;

/// <summary>Configuration section BeaconGateway:Motion: anonymous PIR sensors per zone.</summary>
public sealed class MotionOptions
{
    public const string Section = "BeaconGateway:Motion";

    /// <summary>none (no sensors), gpio (the hub's GPIO through libgpiod) or simulated (driven by tests and the demo).</summary>
    public string Source { get; set; } = "none";

    /// <summary>GPIO chip by name, path or label, as libgpiod's gpiod_chip_open_lookup takes it.</summary>
    public string Chip { get; set; } = "gpiochip0";

    public List<MotionSensorOptions> Sensors { get; set; } = [];

    /// <summary>A zone stays "active" this long after its last motion (PIR boards hold a few seconds themselves).</summary>
    public TimeSpan HoldTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Footfall (motion onsets per zone) is published once per interval.</summary>
    public TimeSpan FootfallInterval { get; set; } = TimeSpan.FromMinutes(15);
}
