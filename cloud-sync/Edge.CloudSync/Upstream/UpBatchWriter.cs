using System.Buffers;
using System.Text.Json;
using Edge.CloudSync.Outbox;

namespace Edge.CloudSync.Upstream;

/// <summary>
/// Writes an UpBatch (Edge.Contracts.Cloud) for consecutive entries of one stream. The producers' envelopes were
/// validated on append and are embedded as raw JSON, so sending costs no re-parse.
/// </summary>
internal static class UpBatchWriter
{
    public static byte[] Write(string storeId, string hubId, string stream, DateTimeOffset sentAt, IReadOnlyList<OutboxEntry> entries)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + entries.Sum(e => e.Payload.Length + 160));
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            w.WriteStartObject();
            w.WriteString("storeId", storeId);
            w.WriteString("hubId", hubId);
            w.WriteString("stream", stream);
            w.WriteString("sentAt", sentAt);
            w.WriteStartArray("messages");
            foreach (var e in entries)
            {
                w.WriteStartObject();
                w.WriteString("messageId", e.MessageId);
                w.WriteNumber("sequence", e.Sequence);
                w.WriteString("createdAt", e.CreatedAt);
                if (e.ExpiresAt is { } expires)
                {
                    w.WriteString("expiresAt", expires);
                }

                w.WritePropertyName("event");
                w.WriteRawValue(e.Payload, skipInputValidation: true);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
