namespace Edge.BeaconGateway.Radio;

/// <summary>Configuration section BeaconGateway:Radio: the hub's own controller.</summary>
public sealed class ScanOptions
{
    public const string Section = "BeaconGateway:Radio";

    /// <summary>hciN.</summary>
    public ushort Device { get; set; }

    /// <summary>True: the user channel (exclusive; bluetoothd must not hold the adapter; the controller is reset). False: the raw channel beside bluetoothd.</summary>
    public bool UserChannel { get; set; }

    /// <summary>Use the LE extended scan commands (Bluetooth 5 controllers); false for legacy LE Set Scan commands.</summary>
    public bool Extended { get; set; } = true;

    /// <summary>Scan interval and window in 0.625 ms units; equal values scan continuously.</summary>
    public ushort IntervalUnits { get; set; } = 0x0060;

    public ushort WindowUnits { get; set; } = 0x0060;

    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Delay before reopening the adapter after it vanished or failed.</summary>
    public TimeSpan ReopenDelay { get; set; } = TimeSpan.FromSeconds(2);
}
