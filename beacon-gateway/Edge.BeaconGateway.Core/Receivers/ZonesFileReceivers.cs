using System.Text.Json;
using Edge.Contracts.Zones;

namespace Edge.BeaconGateway.Receivers;

/// <summary>
/// Reads the zones file edge-provision writes (<see cref="StoreZones"/>) into receiver placements. The hub's own
/// adapter is always receiver "hub" inside the gateway, whatever the file calls it; reference beacons are not
/// receivers and are skipped (store beacons are configured under BeaconGateway:StoreBeacons).
/// </summary>
public static class ZonesFileReceivers
{
    /// <summary>Throws <see cref="InvalidDataException"/> naming the file and the problem.</summary>
    public static List<ReceiverOptions> Load(string path)
    {
        StoreZones? zones;
        try
        {
            using var stream = File.OpenRead(path);
            zones = JsonSerializer.Deserialize(stream, ZonesJsonContext.Default.StoreZones);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not a zones document: {ex.Message}", ex);
        }

        if (zones is null || zones.Version != StoreZones.CurrentVersion)
        {
            throw new InvalidDataException($"{path} has zones format version {zones?.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"}; this gateway reads version {StoreZones.CurrentVersion}.");
        }

        var receivers = new List<ReceiverOptions>();
        foreach (var zone in zones.Zones)
        {
            foreach (var receiver in zone.Receivers)
            {
                if (receiver.Kind == ReceiverKind.Beacon)
                {
                    continue;
                }

                receivers.Add(new ReceiverOptions { Id = receiver.Kind == ReceiverKind.Hub ? "hub" : receiver.Id, Zone = zone.Id });
            }
        }

        if (receivers.Count == 0)
        {
            throw new InvalidDataException($"{path} places no receiver (hub or espresense) in any zone.");
        }

        if (receivers.GroupBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new InvalidDataException($"{path} places receiver '{duplicate.Key}' in more than one zone.");
        }

        return receivers;
    }
}
