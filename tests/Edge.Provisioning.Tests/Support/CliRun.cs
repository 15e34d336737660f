namespace Edge.Provisioning.Tests.Support;

/// <summary>What one CLI invocation returned and printed.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
