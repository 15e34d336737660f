using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Edge.Hosting.Systemd;

/// <summary>
/// What systemd told this process through its environment (sd_notify(3), sd_watchdog_enabled(3)).
/// Read through IConfiguration, which holds the environment variables, so tests can set them without
/// touching the real process environment.
/// </summary>
public sealed record SystemdEnvironment(string? NotifySocket, TimeSpan? WatchdogInterval, bool UnderSystemd)
{
    public static SystemdEnvironment From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var socket = configuration["NOTIFY_SOCKET"];
        var underSystemd = !string.IsNullOrEmpty(configuration["INVOCATION_ID"])
            || !string.IsNullOrEmpty(configuration["JOURNAL_STREAM"]);
        return new SystemdEnvironment(string.IsNullOrEmpty(socket) ? null : socket, ReadWatchdog(configuration), underSystemd);
    }

    private static TimeSpan? ReadWatchdog(IConfiguration configuration)
    {
        if (!long.TryParse(configuration["WATCHDOG_USEC"], NumberStyles.None, CultureInfo.InvariantCulture, out var usec) || usec <= 0)
        {
            return null;
        }

        // sd_watchdog_enabled(3): WATCHDOG_PID, when set, names the process that must ping; a child that
        // inherited the variables must not ping on its parent's behalf.
        var pid = configuration["WATCHDOG_PID"];
        if (!string.IsNullOrEmpty(pid) && pid != Environment.ProcessId.ToString(CultureInfo.InvariantCulture))
        {
            return null;
        }

        return TimeSpan.FromMicroseconds(usec);
    }
}
