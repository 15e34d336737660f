using System.ComponentModel.DataAnnotations;

namespace Edge.CloudSync.Outbox;

/// <summary>Section <c>CloudSync:Outbox</c>.</summary>
internal sealed class OutboxOptions
{
    public const string Section = "CloudSync:Outbox";

    [Required]
    public string DatabasePath { get; set; } = "/var/lib/store-edge/cloud-sync/outbox.db";

    /// <summary>Disk budget for unsent messages (payload bytes plus a per-row overhead estimate).</summary>
    [Range(1024L * 1024, 1024L * 1024 * 1024 * 64)]
    public long QuotaBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Streams that may be dropped oldest-first when the quota is reached; every other stream is protected.</summary>
    public List<string> CompactableStreams { get; set; } = ["telemetry", "proof-of-play", "diagnostics"];

    /// <summary>Append requests waiting for the writer; when full, producers wait (backpressure to the local bus reader).</summary>
    [Range(16, 1_000_000)]
    public int QueueCapacity { get; set; } = 20_000;

    /// <summary>Most appends committed in one transaction (one fsync).</summary>
    [Range(1, 100_000)]
    public int MaxGroupCommit { get; set; } = 2_000;
}
