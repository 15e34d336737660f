using Edge.Provisioning.Platform;

namespace Edge.Provisioning.Doctor;

/// <summary>
/// The clock is NTP-synchronised: certificates, claim codes and idempotency windows all depend on it.
/// timedatectl when it answers; otherwise systemd-timesyncd's flag file (/run/systemd/timesync/synchronized).
/// </summary>
internal sealed class ClockSyncCheck(IProcessRunner processes, string timesyncFlag, TimeSpan timeout) : IDoctorCheck
{
    public string Name => "clock sync";

    public async Task<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var result = await processes.RunAsync("timedatectl", ["show", "-p", "NTPSynchronized", "--value"], timeout, cancellationToken).ConfigureAwait(false);
        if (result is { ExitCode: 0 })
        {
            return result.Output.Trim() == "yes"
                ? CheckResult.Ok(Name, "NTP synchronised (timedatectl)")
                : CheckResult.Warn(Name, "not NTP synchronised (timedatectl)", "`timedatectl set-ntp true`; check the store network allows NTP (UDP 123)");
        }

        if (File.Exists(timesyncFlag))
        {
            return CheckResult.Ok(Name, "synchronised (" + timesyncFlag + ")");
        }

        var why = result is null ? "timedatectl is not installed" : "timedatectl failed: " + FirstLine(result.Error);
        return CheckResult.Warn(Name, $"unknown: {why}, and {timesyncFlag} is absent", "`timedatectl status` on the hub; enable systemd-timesyncd");
    }

    private static string FirstLine(string text) => text.Split('\n')[0];
}
