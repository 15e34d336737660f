using System.CommandLine;

namespace Edge.Provisioning;

/// <summary>The one place every subcommand is registered.</summary>
internal static class CommandRegistry
{
    public static void AddCommands(RootCommand root, TextWriter output, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(root);
        _ = output;
        _ = time;
    }
}
