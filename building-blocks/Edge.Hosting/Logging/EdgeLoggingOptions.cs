using System.ComponentModel.DataAnnotations;

namespace Edge.Hosting.Logging;

/// <summary>
/// Section <c>Edge:Logging</c>. Levels themselves come from the standard <c>Serilog:MinimumLevel</c> section
/// (Default and Override per namespace), read by <see cref="SerilogLevels"/>.
/// </summary>
public sealed class EdgeLoggingOptions
{
    public const string Section = "Edge:Logging";

    /// <summary>Optional rolling JSON log file, e.g. /var/log/store-edge/edge-agent-.json (a date is inserted).</summary>
    public string? FilePath { get; set; }

    [Range(1, 365)]
    public int RetainedFileCount { get; set; } = 7;

    [Range(1024 * 1024, 1024L * 1024 * 1024)]
    public long FileSizeLimitBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Force the journald format (syslog level prefixes) even when systemd is not detected.</summary>
    public bool? Journald { get; set; }
}
