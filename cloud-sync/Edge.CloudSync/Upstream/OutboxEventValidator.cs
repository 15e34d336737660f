using System.Text.Json;
using Edge.CloudSync.Outbox;
using Edge.Contracts.Cloud;

namespace Edge.CloudSync.Upstream;

/// <summary>
/// Checks a local store/outbox/{stream} message against the <see cref="OutboxEvent"/> contract before it may enter
/// the outbox. The payload is stored as received (so the cloud gets the producer's exact bytes); only the fields
/// the outbox needs are read here.
/// </summary>
internal static class OutboxEventValidator
{
    public static bool TryParse(string topic, ReadOnlyMemory<byte> payload, out OutboxAppend? append, out string reason)
    {
        append = null;
        var prefix = CloudTopics.LocalOutbox + "/";
        var stream = topic.StartsWith(prefix, StringComparison.Ordinal) ? topic[prefix.Length..] : string.Empty;
        if (!CloudEnvelopeRules.IsValidName(stream))
        {
            reason = "bad-stream: the topic level after store/outbox/ must be 1-64 of [a-z0-9-]";
            return false;
        }

        if (payload.Length > CloudEnvelopeRules.MaxOutboxEventBytes)
        {
            reason = $"too-large: {payload.Length} bytes, the limit is {CloudEnvelopeRules.MaxOutboxEventBytes}";
            return false;
        }

        OutboxEvent? e;
        try
        {
            e = JsonSerializer.Deserialize(payload.Span, CloudJsonContext.Default.OutboxEvent);
        }
        catch (JsonException ex)
        {
            reason = "not-json: " + ex.Message;
            return false;
        }

        if (e is null)
        {
            reason = "not-json: null";
            return false;
        }

        if (!CloudEnvelopeRules.IsValidMessageId(e.MessageId))
        {
            reason = "bad-message-id: messageId must be 1-128 of [A-Za-z0-9._:-]";
            return false;
        }

        if (!CloudEnvelopeRules.IsValidType(e.Type))
        {
            reason = "bad-type: type must be 1-64 of [a-z0-9._-]";
            return false;
        }

        if (e.OccurredAt == default)
        {
            reason = "bad-occurred-at: occurredAt is required";
            return false;
        }

        if (e.Body.ValueKind != JsonValueKind.Object)
        {
            reason = "bad-body: body must be a JSON object";
            return false;
        }

        append = new OutboxAppend(stream, e.MessageId, payload.ToArray(), "application/json", e.ExpiresAt);
        reason = string.Empty;
        return true;
    }

    /// <summary>The reason's code (before the colon), the key the refusals are counted by.</summary>
    public static string Code(string reason)
    {
        var colon = reason.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? reason : reason[..colon];
    }
}
