namespace Edge.Hosting.Systemd;

/// <summary>Sends sd_notify state lines (READY=1, STOPPING=1, WATCHDOG=1, STATUS=...) to systemd.</summary>
public interface ISystemdNotifier
{
    /// <summary>False when the process does not run under a Type=notify unit; every call is then a no-op.</summary>
    bool IsEnabled { get; }

    ValueTask NotifyAsync(string state, CancellationToken cancellationToken);
}
