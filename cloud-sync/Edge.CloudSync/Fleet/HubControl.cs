using System.Text.Json;
using Edge.CloudSync.Connection;
using Edge.CloudSync.Downstream;
using Edge.CloudSync.Fleet.Diagnostics;
using Edge.CloudSync.Outbox;
using Edge.Contracts.Cloud;
using Microsoft.Extensions.Logging;

namespace Edge.CloudSync.Fleet;

/// <summary>
/// What the node commands Node Control/Resync and Node Control/Diagnostic Bundle do (docs/adr/0010): each writes one
/// event of cloud-sync's own into the outbox, which carries it up like any other (durable across outages and restarts,
/// once per idempotency key at the cloud). A second command while the previous event of its stream is still unsent is
/// coalesced: the one waiting already answers it (a resync's marks are only a lower bound; the inbox drops what it
/// already has).
/// </summary>
internal sealed class HubControl(IOutbox outbox, OutboxStore store, InboxReader inbox, DiagnosticBundleCollector collector, CloudBus cloud, TimeProvider time, ILogger<HubControl> logger)
{
    /// <summary>When the last resync request was written to the outbox (Sparkplug Sync/Last Resync).</summary>
    public DateTimeOffset? LastResync { get; private set; }

    /// <summary>When the last diagnostic bundle was collected and written to the outbox (Sparkplug Diagnostics/Last Bundle).</summary>
    public DateTimeOffset? LastBundle { get; private set; }

    public string? LastBundleId { get; private set; }

    public long Coalesced { get; private set; }

    /// <summary>Asks the cloud to re-send every down message after the inbox's last sequence of each kind.</summary>
    public async Task<bool> RequestResyncAsync(CancellationToken cancellationToken)
    {
        if (Waiting(HubStreams.Resync))
        {
            return false;
        }

        var now = time.GetUtcNow();
        var marks = DownKinds.All.ToDictionary(k => k, _ => 0L, StringComparer.Ordinal);
        foreach (var (kind, seq) in inbox.Marks())
        {
            marks[kind] = seq;
        }

        var id = "resync:" + Guid.NewGuid().ToString("N");
        var request = new ResyncRequest(id, cloud.Cloud.StoreId, now, marks);
        var body = JsonSerializer.SerializeToElement(request, CloudJsonContext.Default.ResyncRequest);
        if (!await AppendAsync(HubStreams.Resync, id, HubStreams.ResyncRequestedType, body, now, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        LastResync = now;
        CloudSyncLog.ResyncRequested(logger, id, string.Join(", ", marks.Select(m => $"{m.Key} {m.Value}")));
        return true;
    }

    /// <summary>Collects a diagnostic bundle and sends it up on the diagnostics stream.</summary>
    public async Task<bool> SendDiagnosticBundleAsync(long bdSeq, double cpuPercent, IReadOnlyDictionary<string, long> nodeCounters, CancellationToken cancellationToken)
    {
        if (Waiting(HubStreams.Diagnostics))
        {
            return false;
        }

        var now = time.GetUtcNow();
        var id = $"diag-{now:yyyyMMddTHHmmssZ}-{Guid.NewGuid().ToString("N")[..8]}";
        var bundle = collector.Collect(id, now, bdSeq, cpuPercent, nodeCounters);
        var body = JsonSerializer.SerializeToElement(bundle, DiagnosticsJsonContext.Default.DiagnosticBundle);
        if (!await AppendAsync(HubStreams.Diagnostics, "diagnostics:" + id, HubStreams.DiagnosticBundleType, body, now, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        LastBundle = now;
        LastBundleId = id;
        CloudSyncLog.DiagnosticBundleQueued(logger, id, body.GetRawText().Length);
        return true;
    }

    private bool Waiting(string stream)
    {
        if (store.Stats().Streams.Any(s => s.Stream == stream && s.Depth > 0))
        {
            Coalesced++;
            CloudSyncLog.FleetCommandCoalesced(logger, stream);
            return true;
        }

        return false;
    }

    private async Task<bool> AppendAsync(string stream, string messageId, string type, JsonElement body, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new OutboxEvent(messageId, type, now, body), CloudJsonContext.Default.OutboxEvent);
        if (payload.Length > CloudEnvelopeRules.MaxOutboxEventBytes)
        {
            CloudSyncLog.FleetCommandNotQueued(logger, stream, $"{payload.Length} bytes exceed the outbox event limit of {CloudEnvelopeRules.MaxOutboxEventBytes}");
            return false;
        }

        var result = await outbox.AppendAsync(new OutboxAppend(stream, messageId, payload), cancellationToken).ConfigureAwait(false);
        if (result.Outcome != AppendOutcome.Appended)
        {
            CloudSyncLog.FleetCommandNotQueued(logger, stream, result.Outcome.ToString());
            return false;
        }

        return true;
    }
}
