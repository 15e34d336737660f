namespace Edge.BeaconGateway.Receivers;

/// <summary>A radio that hears adverts: the hub's own ("hub") or a remote ESP32 node, placed in one zone.</summary>
public sealed class ReceiverOptions
{
    public string Id { get; set; } = string.Empty;

    public string Zone { get; set; } = string.Empty;

    /// <summary>Added to every RSSI this receiver reports, to even out antenna and enclosure differences.</summary>
    public double RssiOffsetDb { get; set; }
}
