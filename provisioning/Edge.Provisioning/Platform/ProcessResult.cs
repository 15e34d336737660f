namespace Edge.Provisioning.Platform;

internal sealed record ProcessResult(int ExitCode, string Output, string Error);
