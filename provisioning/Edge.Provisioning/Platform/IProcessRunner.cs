namespace Edge.Provisioning.Platform;

/// <summary>Runs a system tool (systemctl, timedatectl) and returns its exit code and output; null when it is not installed.</summary>
internal interface IProcessRunner
{
    Task<ProcessResult?> RunAsync(string program, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken);
}
