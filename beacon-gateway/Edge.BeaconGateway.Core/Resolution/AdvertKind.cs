namespace Edge.BeaconGateway.Resolution;

/// <summary>What the privacy gate made of one advert.</summary>
public enum AdvertKind
{
    /// <summary>Neither a member nor a store beacon: dropped on the spot, nothing of it kept.</summary>
    Stranger,

    /// <summary>An enrolled member's rotating ID of the previous, current or next window.</summary>
    Member,

    /// <summary>One of the store's configured beacons (iBeacon or Eddystone-UID).</summary>
    StoreBeacon,

    /// <summary>Eddystone-TLM from the address of a configured store beacon.</summary>
    StoreBeaconTelemetry,
}
