using System.ComponentModel.DataAnnotations;
using Edge.Hosting.Options;

namespace Edge.CloudSync.Fleet;

/// <summary>Section <c>CloudSync:Fleet</c>: the hub as a Sparkplug B 3.0 edge node.</summary>
internal sealed class FleetOptions
{
    public const string Section = "CloudSync:Fleet";

    public bool Enabled { get; set; } = true;

    /// <summary>How often metrics are sampled; NDATA goes out only for metrics that changed beyond their deadband.</summary>
    [TimeSpanRange("00:00:00.100", "01:00:00")]
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Deadband of percentage metrics (CPU, memory, disk), in percentage points.</summary>
    [Range(0.0, 100.0)]
    public double PercentDeadband { get; set; } = 2.0;

    /// <summary>Deadband of age metrics (oldest unsent message, certificate days), in seconds.</summary>
    [Range(0.0, 86400.0)]
    public double AgeDeadbandSeconds { get; set; } = 30.0;

    /// <summary>Where the birth/death sequence (bdSeq) survives restarts. Empty: bdseq next to the outbox database.</summary>
    public string? BdSeqFile { get; set; }

    /// <summary>Folder whose *.json files make the configuration version (Properties/Configuration Version). Empty: the hub's configuration folder (EDGE_CONFIG_DIR or /etc/store-edge).</summary>
    public string? ConfigurationDirectory { get; set; }

    public static string ConfigurationDirectoryOf(FleetOptions options, Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        !string.IsNullOrEmpty(options.ConfigurationDirectory) ? options.ConfigurationDirectory
        : configuration["EDGE_CONFIG_DIR"] is { Length: > 0 } dir ? dir
        : Edge.Hosting.EdgeHostBuilderExtensions.DefaultConfigDirectory;
}
