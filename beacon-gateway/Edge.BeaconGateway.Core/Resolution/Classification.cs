using Edge.BeaconGateway.Advertising;

namespace Edge.BeaconGateway.Resolution;

/// <summary>
/// The privacy gate's verdict: for members, the member id and TX power at 1 m; for store beacons, the configured
/// beacon index (and the telemetry of a TLM frame). A stranger's verdict carries nothing.
/// </summary>
public readonly record struct Classification(AdvertKind Kind, int Index, sbyte TxPowerAt1m, EddystoneTlm Telemetry, string? MemberId = null)
{
    public static Classification Stranger => default;
}
