namespace Edge.BeaconGateway.StoreBeacons;

/// <summary>One of the store's own fixed beacons (configuration section BeaconGateway:StoreBeacons).</summary>
public sealed class StoreBeaconOptions
{
    /// <summary>The name used in events and alarms, e.g. "entrance-left".</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>iBeacon proximity UUID; with <see cref="Major"/> and <see cref="Minor"/>.</summary>
    public string? IBeaconUuid { get; set; }

    public ushort Major { get; set; }

    public ushort Minor { get; set; }

    /// <summary>Eddystone-UID as "namespace-hex/instance-hex" (20 + 12 hex digits).</summary>
    public string? EddystoneUid { get; set; }

    /// <summary>The beacon's fixed address "AA:BB:CC:DD:EE:FF": needed to attribute Eddystone-TLM frames, which carry no ID.</summary>
    public string? Address { get; set; }

    /// <summary>Raise the silent alarm when the beacon has not been heard for this long.</summary>
    public TimeSpan SilentAfter { get; set; } = TimeSpan.FromMinutes(5);
}
