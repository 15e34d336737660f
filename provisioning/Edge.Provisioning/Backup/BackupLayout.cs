using Edge.Provisioning.Paths;

namespace Edge.Provisioning.Backup;

/// <summary>
/// What a backup holds: the whole config folder (identity, mosquitto files when they live there), the device
/// registry and claim from the state folder, the broker files and zones wherever they are. Not the services'
/// databases: members, offers and the outbox resync from the cloud, and the outbox is not ours to copy live.
/// </summary>
internal static class BackupLayout
{
    private static readonly string[] StateFiles = ["devices.json", "claim.json"];

    public static IEnumerable<(string Name, string Path)> Files(EdgePaths paths)
    {
        // Broker files and zones first, under their own names, so a restore puts them where the target hub
        // keeps them even when that is outside its config folder.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, file) in new[] { ("broker/passwd", paths.MosquittoPasswordFile), ("broker/acl", paths.MosquittoAclFile), ("zones/zones.json", paths.ZonesFile) })
        {
            if (File.Exists(file) && seen.Add(file))
            {
                yield return (name, file);
            }
        }

        foreach (var name in StateFiles)
        {
            var file = Path.Combine(paths.StateDir, name);
            if (File.Exists(file) && seen.Add(file))
            {
                yield return ("state/" + name, file);
            }
        }

        if (Directory.Exists(paths.ConfigDir))
        {
            foreach (var file in Directory.EnumerateFiles(paths.ConfigDir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (!Path.GetFileName(file).StartsWith('.') && seen.Add(file))
                {
                    yield return ("config/" + Path.GetRelativePath(paths.ConfigDir, file).Replace('\\', '/'), file);
                }
            }
        }
    }

    /// <summary>Where an entry goes on this hub; null for a name this version does not know (refused, not guessed).</summary>
    public static string? Target(EdgePaths paths, string name)
    {
        if (name.Contains("..", StringComparison.Ordinal) || name.StartsWith('/'))
        {
            return null;
        }

        return name switch
        {
            "broker/passwd" => paths.MosquittoPasswordFile,
            "broker/acl" => paths.MosquittoAclFile,
            "zones/zones.json" => paths.ZonesFile,
            _ when name.StartsWith("config/", StringComparison.Ordinal) => Path.Combine(paths.ConfigDir, name["config/".Length..]),
            _ when name.StartsWith("state/", StringComparison.Ordinal) && StateFiles.Contains(name["state/".Length..]) => Path.Combine(paths.StateDir, name["state/".Length..]),
            _ => null,
        };
    }
}
