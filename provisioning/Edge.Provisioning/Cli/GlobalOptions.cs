using System.CommandLine;
using Edge.Provisioning.Paths;

namespace Edge.Provisioning.Cli;

/// <summary>Options every subcommand understands: the paths and --json.</summary>
internal sealed class GlobalOptions
{
    public PathOptions Paths { get; } = new();

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print one machine-readable JSON document instead of tables and text.",
        Recursive = true,
    };

    public void AddTo(RootCommand root)
    {
        Paths.AddTo(root);
        root.Options.Add(Json);
    }
}
