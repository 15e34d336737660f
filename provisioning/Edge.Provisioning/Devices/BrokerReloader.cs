using System.Globalization;
using Edge.Provisioning.Platform;

namespace Edge.Provisioning.Devices;

/// <summary>
/// Makes mosquitto re-read its password and ACL files without dropping connected clients: SIGHUP to the pid
/// in its pid_file (Debian: /run/mosquitto/mosquitto.pid), which is what `systemctl reload mosquitto` does.
/// </summary>
internal static class BrokerReloader
{
    /// <summary>Returns null when the signal was sent, otherwise why the broker was not reloaded.</summary>
    public static string? Reload(string pidFile, ISignalSender signals)
    {
        if (!File.Exists(pidFile))
        {
            return $"broker not reloaded: {pidFile} not found (is mosquitto running?)";
        }

        var text = File.ReadAllText(pidFile).Trim();
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid <= 1)
        {
            return $"broker not reloaded: {pidFile} does not hold a process id";
        }

        return signals.Send(pid, UnixSignalSender.SigHup) is { } failure ? "broker not reloaded: " + failure : null;
    }
}
