namespace Edge.TestKit;

/// <summary>Finds the external programs that integration tests drive, so tests can skip with a reason when one is absent.</summary>
public static class ExternalTools
{
    public const string SetupHint = "run ./edge setup (or scripts/setup.sh) to install it";

    public static string? Find(string program, params string[] extraDirectories)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        var dirs = path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(extraDirectories)
            .Concat(["/usr/sbin", "/usr/bin", "/sbin", "/usr/local/sbin", "/usr/local/bin"]);
        foreach (var dir in dirs)
        {
            var candidate = System.IO.Path.Combine(dir, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static string? Mosquitto => Find("mosquitto");

    public static string? MissingReason(string program, string package) =>
        Find(program) is null ? $"{program} is not installed (Debian package {package}): {SetupHint}" : null;

    /// <summary>The repository root (the folder holding Edge.sln), found from the test's output folder.</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Edge.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Edge.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>../shared/data beside the repository, or null when absent (tests then skip with a message).</summary>
    public static string? SharedData
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("EDGE_SHARED_DATA");
            if (!string.IsNullOrEmpty(fromEnv) && Directory.Exists(fromEnv))
            {
                return fromEnv;
            }

            var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(RepoRoot, "..", "shared", "data"));
            return Directory.Exists(candidate) ? candidate : null;
        }
    }
}
