using System.Text.Json;
using Edge.CloudSync.Hosting;
using Edge.Contracts.Provisioning;
using Edge.Hosting;

namespace Edge.CloudSync.Connection;

/// <summary>
/// Reads cloud.json. A hub that is not claimed yet, or whose cloud.json is unreadable, runs offline (the outbox
/// keeps filling, health says why) rather than refusing to start: the store must keep working without the cloud.
/// </summary>
internal static class CloudLinkResolver
{
    public static CloudLink Resolve(CloudSyncOptions options, StoreOptions store, string? configDirectory)
    {
        var file = string.IsNullOrEmpty(options.IdentityFile)
            ? Path.Combine(string.IsNullOrEmpty(configDirectory) ? EdgeHostBuilderExtensions.DefaultConfigDirectory : configDirectory, "cloud.json")
            : options.IdentityFile;
        CloudIdentity? identity = null;
        string? problem = null;
        if (!File.Exists(file))
        {
            problem = $"{file} does not exist (hub not claimed: run edge-provision claim)";
        }
        else
        {
            try
            {
                identity = JsonSerializer.Deserialize(File.ReadAllBytes(file), ClaimJsonContext.Default.CloudIdentity);
                problem = identity is null ? $"{file} is empty" : null;
            }
            catch (JsonException ex)
            {
                problem = $"{file} is not valid cloud.json: {ex.Message}";
            }
            catch (IOException ex)
            {
                problem = $"{file} cannot be read: {ex.Message}";
            }
        }

        if (identity is null)
        {
            return new CloudLink(store.StoreId, store.HubId, options.Region, null, null, null, null, problem);
        }

        var missing = new[] { identity.CaFile, identity.ClientCertificateFile, identity.ClientKeyFile }.Where(f => !File.Exists(f)).ToList();
        if (missing.Count > 0)
        {
            return new CloudLink(identity.StoreId, identity.HubId, identity.Region, null, null, null, null,
                $"cloud.json names missing file(s): {string.Join(", ", missing)}");
        }

        var server = string.IsNullOrEmpty(options.CloudUri) ? identity.Server : options.CloudUri;
        return new CloudLink(
            identity.StoreId,
            identity.HubId,
            string.IsNullOrEmpty(identity.Region) ? options.Region : identity.Region,
            server,
            identity.CaFile,
            identity.ClientCertificateFile,
            identity.ClientKeyFile,
            null);
    }
}
