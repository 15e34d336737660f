namespace Edge.Contracts.Zones;

/// <summary>
/// The store's zones and where its BLE receivers are, as edge-provision writes it for beacon-gateway
/// (file <c>/etc/store-edge/zones.json</c>, and retained on <see cref="ZoneTopics.Config"/>).
/// Positions are metres on the store's floor plan, origin at its south-west corner.
/// </summary>
public sealed record StoreZones(int Version, string? StoreId, IReadOnlyList<Zone> Zones)
{
    public const int CurrentVersion = 1;
}
