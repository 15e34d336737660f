using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Data.Sqlite;
using Edge.Agent.Storage;
using Edge.Contracts.Cloud;

namespace Edge.Agent.Bus;

/// <summary>
/// The agent's side of "everything the cloud must know": an event is appended to the agent's own outbox table in
/// the SAME transaction as the fact it reports (no fact without its event, no event without its fact), then
/// <see cref="OutboxRelay"/> publishes it to store/outbox/{stream} for cloud-sync, as the <see cref="OutboxEvent"/>
/// cloud-sync expects. The message id is the idempotency key: appending it twice stores it once.
/// </summary>
internal static class AgentOutbox
{
    /// <summary>
    /// Appends cloud-sync's <see cref="OutboxEvent"/> envelope: <paramref name="messageId"/> is the idempotency key,
    /// <paramref name="type"/> says what happened ("coupon.redeemed"), <paramref name="data"/> becomes its body.
    /// </summary>
    public static bool Append<T>(SqliteTransaction transaction, string stream, string type, string messageId, DateTimeOffset occurredAt, T data, JsonTypeInfo<T> dataType)
    {
        var envelope = new OutboxEvent(messageId, type, occurredAt, JsonSerializer.SerializeToElement(data, dataType));
        var payload = JsonSerializer.SerializeToUtf8Bytes(envelope, CloudJsonContext.Default.OutboxEvent);
        return transaction.Execute(
            "INSERT OR IGNORE INTO outbox(message_id, stream, occurred_at, payload) VALUES ($1, $2, $3, $4);",
            messageId, stream, occurredAt.ToString("O", CultureInfo.InvariantCulture), payload) == 1;
    }
}
