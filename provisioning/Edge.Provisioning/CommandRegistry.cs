using System.CommandLine;
using Edge.Provisioning.Cli;

namespace Edge.Provisioning;

/// <summary>The one place every subcommand is registered.</summary>
internal static class CommandRegistry
{
    public static void AddCommands(RootCommand root, TextWriter output, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(root);
        _ = output;
        ProvisioningCommands.AddTo(root, new ProvisioningServices { Time = time });
    }
}
