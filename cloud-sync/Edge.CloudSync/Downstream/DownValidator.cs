using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Edge.Contracts.Cloud;
using Edge.Messaging;

namespace Edge.CloudSync.Downstream;

/// <summary>
/// Checks one retail/v1/{store}/down/{kind} message: known kind, this store, size, envelope properties, signature
/// where the kind needs one, a JSON object body (or valid chunk properties for model bundles). Ordering and
/// duplicates are the inbox's business (they need state).
/// </summary>
internal static class DownValidator
{
    public static bool TryParse(MqttMessage m, string storeId, ECDsa? signingKey, out DownMessage? message, out string reason)
    {
        message = null;
        var prefix = CloudTopics.StoreRoot(storeId) + "/down/";
        if (!m.Topic.StartsWith(prefix, StringComparison.Ordinal))
        {
            reason = "other-store: topic is not under " + prefix;
            return false;
        }

        var kind = m.Topic[prefix.Length..];
        if (!DownKinds.All.Contains(kind))
        {
            reason = $"unknown-kind: '{kind}'";
            return false;
        }

        if (m.Payload.Length > CloudEnvelopeRules.MaxDownPayloadBytes)
        {
            reason = $"too-large: {m.Payload.Length} bytes, the limit is {CloudEnvelopeRules.MaxDownPayloadBytes}";
            return false;
        }

        var target = m.GetUserProperty(DownProperties.StoreId);
        if (target != storeId)
        {
            reason = $"other-store: store-id is '{target}', this hub is '{storeId}'";
            return false;
        }

        var id = m.GetUserProperty(DownProperties.MessageId);
        if (!CloudEnvelopeRules.IsValidMessageId(id))
        {
            reason = "bad-message-id: message-id must be 1-128 of [A-Za-z0-9._:-]";
            return false;
        }

        if (!long.TryParse(m.GetUserProperty(DownProperties.Sequence), NumberStyles.None, CultureInfo.InvariantCulture, out var seq) || seq < 1)
        {
            reason = "bad-sequence: sequence must be a positive integer";
            return false;
        }

        if (!DateTimeOffset.TryParse(m.GetUserProperty(DownProperties.IssuedAt), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var issuedAt))
        {
            reason = "bad-issued-at: issued-at must be an ISO 8601 time";
            return false;
        }

        if (DownKinds.RequiresSignature(kind))
        {
            var signature = m.GetUserProperty(DownProperties.Signature);
            if (string.IsNullOrEmpty(signature))
            {
                reason = $"unsigned: {kind} must be signed";
                return false;
            }

            var bytes = new byte[64];
            if (signingKey is null || !Convert.TryFromBase64String(signature, bytes, out var n) || n != 64
                || !DownProperties.Verify(signingKey, storeId, kind, id!, seq, m.Payload.Span, bytes))
            {
                reason = signingKey is null ? "unverifiable: no signing public key configured" : "bad-signature: the signature does not match";
                return false;
            }
        }

        BundleChunk? chunk = null;
        if (kind == DownKinds.ModelBundle)
        {
            if (!TryChunk(m, out chunk, out reason))
            {
                return false;
            }
        }
        else if (!IsJsonObject(m.Payload.Span))
        {
            reason = "bad-body: the payload must be a JSON object";
            return false;
        }

        message = new DownMessage(kind, id!, seq, issuedAt, m.Payload.ToArray(), chunk);
        reason = string.Empty;
        return true;
    }

    private static bool TryChunk(MqttMessage m, out BundleChunk? chunk, out string reason)
    {
        chunk = null;
        var bundleId = m.GetUserProperty(DownProperties.BundleId);
        var sha = m.GetUserProperty(DownProperties.BundleSha256);
        if (!CloudEnvelopeRules.IsValidMessageId(bundleId)
            || !int.TryParse(m.GetUserProperty(DownProperties.ChunkIndex), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(m.GetUserProperty(DownProperties.ChunkCount), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count < 1 || count > 100_000 || index >= count
            || sha is null || sha.Length != 64 || !sha.All(char.IsAsciiHexDigitLower))
        {
            reason = "bad-chunk: bundle-id, chunk-index < chunk-count and a lower-case hex bundle-sha256 are required";
            return false;
        }

        chunk = new BundleChunk(bundleId!, index, count, sha);
        reason = string.Empty;
        return true;
    }

    private static bool IsJsonObject(ReadOnlySpan<byte> payload)
    {
        try
        {
            var reader = new Utf8JsonReader(payload);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static string Code(string reason)
    {
        var colon = reason.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? reason : reason[..colon];
    }
}
