using System.ComponentModel.DataAnnotations;
using Edge.Hosting.Options;

namespace Edge.CloudSync.Upstream;

/// <summary>Section <c>CloudSync:Upstream</c>: how the outbox drains to retail/v1/{store}/up/{stream}.</summary>
internal sealed class UpstreamOptions
{
    public const string Section = "CloudSync:Upstream";

    /// <summary>Most outbox messages in one MQTT message (small messages are batched; one PUBACK covers them all).</summary>
    [Range(1, 10_000)]
    public int MaxBatchMessages { get; set; } = 500;

    /// <summary>Largest batch payload; a single bigger message still goes alone.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxBatchBytes { get; set; } = 256 * 1024;

    /// <summary>Batches published and not yet acknowledged (pipelining over the link's round-trip time).</summary>
    [Range(1, 1000)]
    public int MaxInflightBatches { get; set; } = 16;

    /// <summary>A batch not acknowledged within this is treated as a broken link: the drain restarts from the checkpoint (the cloud de-duplicates).</summary>
    [TimeSpanRange("00:00:01", "01:00:00")]
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often expired messages are removed and the idle drain looks again.</summary>
    [TimeSpanRange("00:00:00.100", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the ids of acknowledged messages are kept to refuse a producer's late duplicate.</summary>
    [TimeSpanRange("00:01:00", "90.00:00:00")]
    public TimeSpan SentIdRetention { get; set; } = TimeSpan.FromDays(7);
}
