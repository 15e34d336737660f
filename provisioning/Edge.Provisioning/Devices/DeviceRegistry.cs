using System.Text.Json;
using Edge.Provisioning.Paths;

namespace Edge.Provisioning.Devices;

/// <summary>devices.json in the state folder: the source of truth for the devices' broker users and ACL rules.</summary>
internal static class DeviceRegistry
{
    public static List<DeviceRecord> Load(EdgePaths paths)
    {
        if (!File.Exists(paths.DevicesFile))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(paths.DevicesFile), ProvisioningJsonContext.Default.ListDeviceRecord) ?? [];
        }
        catch (JsonException ex)
        {
            throw new CliException($"{paths.DevicesFile} is damaged at line {ex.LineNumber + 1}: {ex.Message}; restore it from a backup", ExitCodes.DataError);
        }
    }

    public static string Serialize(IEnumerable<DeviceRecord> devices) =>
        JsonSerializer.Serialize([.. devices.OrderBy(d => d.Id, StringComparer.Ordinal)], ProvisioningJsonContext.Default.ListDeviceRecord);
}
