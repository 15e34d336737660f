using System.Runtime.InteropServices;

namespace Edge.Provisioning.Platform;

internal sealed partial class UnixSignalSender : ISignalSender
{
    public const int SigHup = 1;

    // errno values from asm-generic/errno-base.h.
    private const int Esrch = 3;
    private const int Eperm = 1;

    public string? Send(int processId, int signal)
    {
        if (Kill(processId, signal) == 0)
        {
            return null;
        }

        return Marshal.GetLastPInvokeError() switch
        {
            Esrch => $"no process {processId} (stale pid file?)",
            Eperm => $"not allowed to signal process {processId} (run as root)",
            var errno => $"kill({processId}) failed with errno {errno}",
        };
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int sig);
}
