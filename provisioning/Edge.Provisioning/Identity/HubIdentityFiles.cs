using System.Text.Json;
using Edge.Provisioning.IO;
using Edge.Provisioning.Paths;

namespace Edge.Provisioning.Identity;

/// <summary>Reads and writes hub.json and claim.json.</summary>
internal static class HubIdentityFiles
{
    public static HubInfo? ReadHubInfo(EdgePaths paths) =>
        Read(paths.HubInfoFile, static s => JsonSerializer.Deserialize(s, ProvisioningJsonContext.Default.HubInfo));

    public static ClaimCode? ReadClaim(EdgePaths paths) =>
        Read(paths.ClaimFile, static s => JsonSerializer.Deserialize(s, ProvisioningJsonContext.Default.ClaimCode));

    public static void WriteHubInfo(EdgePaths paths, HubInfo info) =>
        AtomicFile.WriteAllText(paths.HubInfoFile, JsonSerializer.Serialize(info, ProvisioningJsonContext.Default.HubInfo), AtomicFile.OwnerAndGroupRead);

    public static void WriteClaim(EdgePaths paths, ClaimCode claim) =>
        AtomicFile.WriteAllText(paths.ClaimFile, JsonSerializer.Serialize(claim, ProvisioningJsonContext.Default.ClaimCode), AtomicFile.OwnerOnly);

    private static T? Read<T>(string path, Func<string, T?> parse)
        where T : class
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return parse(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            throw new CliException($"{path} is damaged ({ex.Message}); run init --force to recreate the identity", ExitCodes.DataError);
        }
    }
}
