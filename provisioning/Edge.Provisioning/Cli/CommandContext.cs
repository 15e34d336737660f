using System.CommandLine;
using Edge.Provisioning.Output;
using Edge.Provisioning.Paths;

namespace Edge.Provisioning.Cli;

/// <summary>What one command invocation works with: its parse result, the resolved paths, the output and the seams.</summary>
internal sealed record CommandContext(ParseResult Parse, EdgePaths Paths, CliOutput Output, ProvisioningServices Services)
{
    public TimeProvider Time => Services.Time;

    public T? Value<T>(Option<T> option) => Parse.GetValue(option);

    public T Value<T>(Argument<T> argument) => Parse.GetValue(argument)!;
}
