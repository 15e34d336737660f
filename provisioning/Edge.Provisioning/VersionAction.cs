using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace Edge.Provisioning;

/// <summary>
/// Prints this tool's version. System.CommandLine's default prints the entry assembly's, which is the
/// test host under test, so the version is read from this assembly explicitly.
/// </summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public static string Version { get; } =
        typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(VersionAction).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(Version);
        return ExitCodes.Ok;
    }
}
