using System.Text.Json;
using Edge.Contracts.Zones;
using Edge.Provisioning.IO;

namespace Edge.Provisioning.Zones;

/// <summary>The validated zones document where beacon-gateway reads it (canonical JSON of the contract).</summary>
internal static class ZonesFile
{
    public static void Write(string path, StoreZones zones) =>
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(zones, ZonesJsonContext.Default.StoreZones) + "\n", AtomicFile.OwnerAndGroupRead | UnixFileMode.OtherRead);

    public static StoreZones? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), ZonesJsonContext.Default.StoreZones);
        }
        catch (JsonException ex)
        {
            throw new CliException($"{path}:{ex.LineNumber + 1}: damaged ({ex.Message}); import the zones again", ExitCodes.DataError);
        }
    }
}
