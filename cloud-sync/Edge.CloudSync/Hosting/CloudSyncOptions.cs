using System.ComponentModel.DataAnnotations;

namespace Edge.CloudSync.Hosting;

/// <summary>Section <c>CloudSync</c>: the central loyalty cloud's broker.</summary>
internal sealed class CloudSyncOptions
{
    public const string Section = "CloudSync";

    /// <summary>mqtts:// endpoint of the central broker. Empty: run offline, keep everything in the outbox.</summary>
    [Url]
    public string? CloudUri { get; set; }

    /// <summary>Sparkplug B group id (the chain's region) under which this hub is an edge node.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_-]{1,32}$", ErrorMessage = "must be 1-32 letters, digits, '_' or '-' (a Sparkplug group id)")]
    public string Region { get; set; } = "dev";
}
