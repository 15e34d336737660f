namespace Edge.BeaconGateway.Hosting;

/// <summary>Configuration section BeaconGateway:Btsnoop: replay source and support record mode.</summary>
public sealed class BtsnoopOptions
{
    public const string Section = "BeaconGateway:Btsnoop";

    /// <summary>Capture to replay when BeaconGateway:Source is "btsnoop".</summary>
    public string? ReplayPath { get; set; }

    /// <summary>True: keep the recorded pace (timestamps as recorded). False: as fast as possible.</summary>
    public bool RecordedSpeed { get; set; } = true;

    /// <summary>When set, accepted adverts (members and store beacons only) are recorded here for support.</summary>
    public string? RecordPath { get; set; }
}
