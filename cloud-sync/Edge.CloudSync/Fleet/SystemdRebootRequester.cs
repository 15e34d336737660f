using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Edge.CloudSync.Fleet;

/// <summary>
/// Reboots through systemd (<c>systemctl reboot</c>), and only when this process runs as a systemd unit
/// (INVOCATION_ID is set): a developer's or a CI machine running cloud-sync by hand is never rebooted.
/// </summary>
internal sealed class SystemdRebootRequester(ILogger<SystemdRebootRequester> logger) : IRebootRequester
{
    public async Task<bool> RequestRebootAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("INVOCATION_ID")))
        {
            CloudSyncLog.RebootRefused(logger, "not running under systemd");
            return false;
        }

        using var process = Process.Start(new ProcessStartInfo("systemctl", ["reboot"]) { UseShellExecute = false });
        if (process is null)
        {
            CloudSyncLog.RebootRefused(logger, "systemctl could not be started");
            return false;
        }

        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return process.ExitCode == 0;
    }
}
