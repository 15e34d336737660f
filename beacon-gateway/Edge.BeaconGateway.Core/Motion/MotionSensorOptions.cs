namespace Edge.BeaconGateway.Motion;

/// <summary>One PIR sensor wired to a GPIO line, and the zone it watches.</summary>
public sealed class MotionSensorOptions
{
    public string Id { get; set; } = string.Empty;

    /// <summary>Line offset on <see cref="MotionOptions.Chip"/>.</summary>
    public uint Line { get; set; }

    public string Zone { get; set; } = string.Empty;

    /// <summary>True when the sensor pulls the line low on motion (open-collector PIR boards).</summary>
    public bool ActiveLow { get; set; }
}
