namespace Edge.TestKit;

/// <summary>
/// An npm tool set installed by scripts/fetch-node-tools.sh into $EDGE_CACHE/node-tools/{name}/node_modules
/// (outside the repository), run with Debian's node. Tests skip with <see cref="MissingReason"/> when absent.
/// </summary>
public static class NodeToolSet
{
    /// <summary>The node executable, or null.</summary>
    public static string? Node => ExternalTools.Find("node");

    /// <summary>The set's node_modules folder (it may not exist).</summary>
    public static string ModulesPath(string name)
    {
        var cache = Environment.GetEnvironmentVariable("EDGE_CACHE");
        if (string.IsNullOrEmpty(cache))
        {
            cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "store-edge");
        }

        return Path.Combine(cache, "node-tools", name, "node_modules");
    }

    /// <summary>Null when node and every one of <paramref name="packages"/> of the set are there, else what is missing and how to get it.</summary>
    public static string? MissingReason(string name, params string[] packages)
    {
        if (Node is null)
        {
            return "node is not installed (Debian package nodejs): " + ExternalTools.SetupHint;
        }

        var modules = ModulesPath(name);
        foreach (var package in packages)
        {
            if (!File.Exists(Path.Combine(modules, package, "package.json")))
            {
                return $"the npm tool set '{name}' lacks {package} under {modules}: run scripts/fetch-node-tools.sh";
            }
        }

        return null;
    }
}
