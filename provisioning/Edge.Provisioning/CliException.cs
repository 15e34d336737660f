namespace Edge.Provisioning;

/// <summary>A failure store IT can act on: printed as one line, never as a stack trace.</summary>
internal sealed class CliException(string message, int exitCode = ExitCodes.Failure) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
