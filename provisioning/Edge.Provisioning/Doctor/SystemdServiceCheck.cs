using Edge.Provisioning.Platform;

namespace Edge.Provisioning.Doctor;

/// <summary>
/// `systemctl is-active unit`. The services are Type=notify, so "active" means the service sent READY=1;
/// "activating" means it started but has not said READY yet. Without systemd (a container) it is a WARN
/// that says so, not a FAIL.
/// </summary>
internal sealed class SystemdServiceCheck(string unit, IProcessRunner processes, TimeSpan timeout) : IDoctorCheck
{
    public string Name => "service " + unit;

    public async Task<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var result = await processes.RunAsync("systemctl", ["is-active", unit], timeout, cancellationToken).ConfigureAwait(false);
        if (result is null)
        {
            return CheckResult.Warn(Name, "systemctl is not installed: cannot see service state", "check the service by hand (ps, its log)");
        }

        var state = result.Output.Trim();
        if (result.Error.Contains("not been booted with systemd", StringComparison.Ordinal)
            || result.Error.Contains("Failed to connect to bus", StringComparison.Ordinal))
        {
            return CheckResult.Warn(Name, "systemd is not running here (container?): state unknown", "run doctor on the hub itself");
        }

        return state switch
        {
            "active" => CheckResult.Ok(Name, "active (READY sent)"),
            "reloading" => CheckResult.Ok(Name, "reloading"),
            "activating" => CheckResult.Warn(Name, "activating: started but not READY yet", $"wait a minute, then `journalctl -u {unit} -n 50`"),
            "failed" => CheckResult.Fail(Name, "failed", $"`journalctl -u {unit} -n 50`, fix, then `systemctl restart {unit}`"),
            "inactive" => CheckResult.Fail(Name, "not running", $"`systemctl enable --now {unit}`"),
            _ => CheckResult.Fail(Name, string.IsNullOrEmpty(state) ? result.Error : state, $"`systemctl status {unit}`"),
        };
    }
}
