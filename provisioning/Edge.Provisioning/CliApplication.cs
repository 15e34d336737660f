using System.CommandLine;

namespace Edge.Provisioning;

/// <summary>Builds the command tree and runs it, turning every failure into one clear line and an exit code.</summary>
internal static class CliApplication
{
    public static RootCommand BuildRootCommand(TextWriter output, TimeProvider time)
    {
        var root = new RootCommand("edge-provision: set up a Store Edge hub and its devices, and find out what is wrong.");
        foreach (var option in root.Options.OfType<VersionOption>())
        {
            option.Action = new VersionAction();
        }

        CommandRegistry.AddCommands(root, output, time);
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider time, CancellationToken cancellationToken)
    {
        var root = BuildRootCommand(output, time);
        var config = new InvocationConfiguration { Output = output, Error = error };
        try
        {
            return await root.Parse(args).InvokeAsync(config, cancellationToken).ConfigureAwait(false);
        }
        catch (CliException ex)
        {
            await error.WriteLineAsync("edge-provision: " + ex.Message).ConfigureAwait(false);
            return ex.ExitCode;
        }
    }
}
