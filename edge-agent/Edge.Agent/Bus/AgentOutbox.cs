using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Data.Sqlite;
using Edge.Agent.Storage;

namespace Edge.Agent.Bus;

/// <summary>
/// The agent's side of "everything the cloud must know": an event is appended to the agent's own outbox table in
/// the SAME transaction as the fact it reports (no fact without its event, no event without its fact), then
/// <see cref="OutboxRelay"/> publishes it to store/outbox/{stream} for cloud-sync. The message id is the
/// idempotency key: appending it twice stores it once.
/// </summary>
internal static class AgentOutbox
{
    public static bool Append<T>(SqliteTransaction transaction, string stream, string messageId, DateTimeOffset occurredAt, T data, JsonTypeInfo<T> type)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("messageId", messageId);
            writer.WriteString("stream", stream);
            writer.WriteString("occurredAt", occurredAt);
            writer.WritePropertyName("data");
            JsonSerializer.Serialize(writer, data, type);
            writer.WriteEndObject();
        }

        return transaction.Execute(
            "INSERT OR IGNORE INTO outbox(message_id, stream, occurred_at, payload) VALUES ($1, $2, $3, $4);",
            messageId, stream, occurredAt.ToString("O", CultureInfo.InvariantCulture), buffer.ToArray()) == 1;
    }
}
