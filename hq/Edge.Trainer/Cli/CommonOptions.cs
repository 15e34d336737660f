using System.CommandLine;

namespace Edge.Trainer.Cli;

/// <summary>Options shared by the commands.</summary>
internal static class CommonOptions
{
    public static Option<string> Data() => new("--data")
    {
        Description = "The retail data folder holding completejourney/ and tafeng/ (never copied into the repository).",
        DefaultValueFactory = _ => Path.Combine("..", "shared", "data", "retail"),
    };

    public static Option<string> Report(string defaultName) => new("--report")
    {
        Description = "Where to write the JSON report.",
        DefaultValueFactory = _ => defaultName,
    };
}
