using System.Text.Json;
using Edge.Contracts.Cloud;
using Edge.ReferenceCloud.Diagnostics;
using Edge.ReferenceCloud.Downstream;
using Microsoft.Extensions.Logging;

namespace Edge.ReferenceCloud.Fleet;

/// <summary>
/// A hub's resync request (stream resync, docs/adr/0010): after checks, re-sends every down message of the store after
/// the hub's marks, as first sent (<see cref="DownPublisher.ReplayAsync"/>). Acted on once per request: the ledger
/// passes only new message ids here. Refused with a reason, counted and logged, never replayed: an envelope that is not
/// a resync request, a body that is not one, a request naming another store than the topic it came on, no marks, an
/// unknown kind, a negative mark.
/// </summary>
internal sealed class ResyncHandler(DownPublisher publisher, HubEventCounters counters, ILogger<ResyncHandler> logger)
{
    public async Task HandleAsync(string storeId, UpMessage message, CancellationToken cancellationToken)
    {
        if (!TryRead(storeId, message.Event, out var request, out var reason))
        {
            counters.Add("resync.refused." + HubEventCounters.Code(reason));
            CloudLog.ResyncRefused(logger, storeId, message.MessageId, reason);
            return;
        }

        var sent = await publisher.ReplayAsync(storeId, request!.Marks, cancellationToken).ConfigureAwait(false);
        counters.Add("resync.served");
        counters.Add("resync.replayed", sent);
        CloudLog.ResyncServed(logger, storeId, request.RequestId, sent);
    }

    internal static bool TryRead(string storeId, JsonElement envelope, out ResyncRequest? request, out string reason)
    {
        request = null;
        if (!HubEvent.TryBody(envelope, HubStreams.ResyncRequestedType, out var body, out reason))
        {
            return false;
        }

        try
        {
            request = body.Deserialize(CloudJsonContext.Default.ResyncRequest);
        }
        catch (JsonException ex)
        {
            reason = "not-a-resync-request: " + ex.Message;
            return false;
        }

        if (request is null || string.IsNullOrEmpty(request.RequestId) || request.Marks is null)
        {
            reason = "not-a-resync-request: requestId and marks are required";
            return false;
        }

        if (request.StoreId != storeId)
        {
            reason = $"other-store: the request names store '{request.StoreId}' but came from store '{storeId}'";
            return false;
        }

        if (request.Marks.Keys.FirstOrDefault(k => !DownKinds.All.Contains(k)) is { } unknown)
        {
            reason = $"unknown-kind: '{unknown}' is not a down kind ({string.Join(", ", DownKinds.All)})";
            return false;
        }

        if (request.Marks.FirstOrDefault(m => m.Value < 0) is { Key: { } negative })
        {
            reason = $"bad-mark: the mark of {negative} is negative";
            return false;
        }

        reason = string.Empty;
        return true;
    }
}
