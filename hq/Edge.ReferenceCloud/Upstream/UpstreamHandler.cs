using System.Text.Json;
using Edge.Contracts.Cloud;
using Edge.ReferenceCloud.Diagnostics;
using Edge.ReferenceCloud.Fleet;
using Microsoft.Extensions.Logging;

namespace Edge.ReferenceCloud.Upstream;

/// <summary>
/// Consumes retail/v1/{store}/up/{stream}: checks that the batch belongs to the topic's store and stream and stores
/// its messages once. A batch that is not JSON, or claims another store than its topic, is refused and counted
/// (the broker's ACL should already prevent the latter; the cloud does not rely on it). A new (not duplicate) event of
/// the hub's own streams is acted on once: a resync request (<see cref="ResyncHandler"/>), a diagnostic bundle
/// (<see cref="HubDiagnostics"/> checks it; the ledger keeps it).
/// </summary>
internal sealed class UpstreamHandler(EventLedger ledger, ResyncHandler resync, HubDiagnostics diagnostics, ILogger<UpstreamHandler> logger)
{
    public long Stored { get; private set; }

    public long Duplicates { get; private set; }

    public long Refused { get; private set; }

    public async Task HandleAsync(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        // retail/v1/{store}/up/{stream}
        var parts = topic.Split('/');
        if (parts.Length != 5 || parts[3] != "up")
        {
            Refuse(topic, "not an up topic");
            return;
        }

        UpBatch? batch;
        try
        {
            batch = JsonSerializer.Deserialize(payload.Span, CloudJsonContext.Default.UpBatch);
        }
        catch (JsonException ex)
        {
            Refuse(topic, "not an up batch: " + ex.Message);
            return;
        }

        if (batch is null || batch.StoreId != parts[2] || batch.Stream != parts[4] || batch.Messages is null)
        {
            Refuse(topic, $"the batch's store/stream ({batch?.StoreId}/{batch?.Stream}) is not the topic's");
            return;
        }

        var (added, duplicates) = ledger.Append(batch, parts[4]);
        Stored += added.Count;
        Duplicates += duplicates;
        CloudLog.UpApplied(logger, batch.StoreId, batch.Stream, added.Count, duplicates);
        foreach (var message in added)
        {
            switch (batch.Stream)
            {
                case HubStreams.Resync:
                    await resync.HandleAsync(batch.StoreId, message, cancellationToken).ConfigureAwait(false);
                    break;
                case HubStreams.Diagnostics:
                    diagnostics.Check(batch.StoreId, message);
                    break;
            }
        }
    }

    private void Refuse(string topic, string reason)
    {
        Refused++;
        CloudLog.UpRefused(logger, topic, reason);
    }
}
