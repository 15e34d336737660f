using Edge.Hosting.Options;

namespace Edge.Hosting.Startup;

/// <summary>
/// Rejects command-line options that no part of the service reads (e.g. "--prot 5"), which the configuration
/// system would otherwise accept silently.
/// </summary>
internal static class CommandLineGuard
{
    // Keys read by ASP.NET Core / the generic host / Serilog themselves.
    private static readonly string[] HostKeys =
        ["urls", "environment", "contentRoot", "applicationName", "Serilog", "Logging", "Kestrel", "AllowedHosts", "Edge", "http_ports", "https_ports"];

    public static void Check(IReadOnlyList<string> args, EdgeOptionsRegistry registry)
    {
        var allowed = new HashSet<string>(HostKeys, StringComparer.OrdinalIgnoreCase);
        foreach (var section in registry.Sections)
        {
            allowed.Add(section.Split(':')[0]);
        }

        foreach (var arg in args)
        {
            if (!arg.StartsWith('-'))
            {
                continue;
            }

            var key = arg.TrimStart('-', '/').Split('=')[0];
            var root = key.Split(':', 2)[0];
            if (!allowed.Contains(root))
            {
                throw new EdgeConfigurationException(
                    $"unknown option '{arg.Split('=')[0]}'. Options are configuration keys such as --{registry.Sections.FirstOrDefault() ?? "Edge:Store"}:<Name>=<value>; see docs/configuration.md.");
            }
        }
    }
}
