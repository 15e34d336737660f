using System.Globalization;
using System.Text.Json;
using Edge.Contracts.Cloud;
using Edge.Messaging;
using Edge.ReferenceCloud.Diagnostics;
using Edge.ReferenceCloud.Storage;
using Microsoft.Extensions.Logging;

namespace Edge.ReferenceCloud.Downstream;

/// <summary>
/// Sends retail/v1/{store}/down/{kind}: the payload is the body's exact bytes; the envelope (message id, per-store
/// per-kind sequence from 1, store id, issue time, signature) travels in MQTT 5 user properties, so the signature
/// covers the bytes the hub receives (<see cref="DownProperties.SignedMessage"/>). Every kind is signed, also those the
/// hub accepts unsigned. The sequence is taken in the database before publishing, so a failed publish leaves a gap
/// the hub reports rather than two messages with one number. Every message is kept as sent (payload and properties),
/// so <see cref="ReplayAsync"/> can answer a hub's resync with the very same messages (docs/adr/0010). One publish at a
/// time, a replay included: a store's messages leave in sequence order per kind, and a replay never overtakes or
/// interleaves with a new message.
/// </summary>
internal sealed class DownPublisher(IMqttClient client, CloudDatabase database, DownSigningKey signingKey, TimeProvider time, ILogger<DownPublisher> logger) : IDisposable
{
    private readonly SemaphoreSlim _order = new(1, 1);

    public Task<(string MessageId, long Sequence)> PublishAsync(string storeId, string kind, ReadOnlyMemory<byte> payload, string? messageId, CancellationToken cancellationToken) =>
        PublishAsync(storeId, kind, _ => payload, messageId, cancellationToken);

    /// <summary>A model bundle chunk: binary payload, the chunk's properties beside the envelope.</summary>
    public Task<(string MessageId, long Sequence)> PublishChunkAsync(string storeId, ReadOnlyMemory<byte> chunk, IReadOnlyList<MqttUserProperty> chunkProperties, CancellationToken cancellationToken) =>
        PublishAsync(storeId, DownKinds.ModelBundle, _ => chunk, null, cancellationToken, chunkProperties);

    /// <summary>For bodies that carry their own sequence (member deltas): the body is made once the number is taken.</summary>
    public async Task<(string MessageId, long Sequence)> PublishAsync(
        string storeId, string kind, Func<long, ReadOnlyMemory<byte>> bodyFor, string? messageId, CancellationToken cancellationToken, IReadOnlyList<MqttUserProperty>? extraProperties = null)
    {
        ArgumentNullException.ThrowIfNull(bodyFor);
        await _order.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await PublishInOrderAsync(storeId, kind, bodyFor, messageId, cancellationToken, extraProperties).ConfigureAwait(false);
        }
        finally
        {
            _order.Release();
        }
    }

    /// <summary>
    /// Re-sends, per kind in sequence order, every message of the store after <paramref name="marks"/>[kind] (0 when the
    /// kind is not listed), byte for byte as first sent: same message id, sequence, issue time and signature. The hub's
    /// inbox drops the ones it already has by message id and takes the rest in order. Returns how many were re-sent.
    /// </summary>
    public async Task<int> ReplayAsync(string storeId, IReadOnlyDictionary<string, long> marks, CancellationToken cancellationToken)
    {
        await _order.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var sent = 0;
            foreach (var m in SentAfter(storeId, marks))
            {
                await client.PublishAsync(new MqttMessage(CloudTopics.Down(storeId, m.Kind), m.Payload)
                {
                    Qos = MqttQualityOfService.AtLeastOnce,
                    ContentType = m.ContentType,
                    UserProperties = [.. m.Properties.Select(p => new MqttUserProperty(p[0], p[1]))],
                }, cancellationToken).ConfigureAwait(false);
                sent++;
            }

            return sent;
        }
        finally
        {
            _order.Release();
        }
    }

    public void Dispose() => _order.Dispose();

    private async Task<(string MessageId, long Sequence)> PublishInOrderAsync(
        string storeId, string kind, Func<long, ReadOnlyMemory<byte>> bodyFor, string? messageId, CancellationToken cancellationToken, IReadOnlyList<MqttUserProperty>? extraProperties)
    {
        var sequence = NextSequence(storeId, kind);
        var payload = bodyFor(sequence);
        messageId ??= $"{kind}:{sequence.ToString(CultureInfo.InvariantCulture)}:{Guid.NewGuid():N}";
        var signature = DownProperties.Sign(signingKey.Key, storeId, kind, messageId, sequence, payload.Span);
        var message = new MqttMessage(CloudTopics.Down(storeId, kind), payload)
        {
            Qos = MqttQualityOfService.AtLeastOnce,
            ContentType = extraProperties is null ? "application/json" : "application/octet-stream",
            UserProperties =
            [
                .. extraProperties ?? [],
                new MqttUserProperty(DownProperties.MessageId, messageId),
                new MqttUserProperty(DownProperties.Sequence, sequence.ToString(CultureInfo.InvariantCulture)),
                new MqttUserProperty(DownProperties.StoreId, storeId),
                new MqttUserProperty(DownProperties.IssuedAt, time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)),
                new MqttUserProperty(DownProperties.Signature, Convert.ToBase64String(signature)),
            ],
        };
        Keep(storeId, kind, sequence, messageId, message);
        await client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
        CloudLog.DownSent(logger, storeId, kind, sequence);
        return (messageId, sequence);
    }

    private void Keep(string storeId, string kind, long sequence, string messageId, MqttMessage message)
    {
        var properties = message.UserProperties.Select(p => new[] { p.Name, p.Value }).ToList();
        lock (database.Gate)
        {
            using var command = database.Connection.CreateCommand();
            command.CommandText = """
                INSERT INTO down_messages (store_id, kind, sequence, message_id, content_type, properties, payload)
                VALUES ($s, $k, $q, $m, $c, $p, $b)
                """;
            command.Parameters.AddWithValue("$s", storeId);
            command.Parameters.AddWithValue("$k", kind);
            command.Parameters.AddWithValue("$q", sequence);
            command.Parameters.AddWithValue("$m", messageId);
            command.Parameters.AddWithValue("$c", message.ContentType ?? "application/json");
            command.Parameters.AddWithValue("$p", JsonSerializer.Serialize(properties, DownJsonContext.Default.ListStringArray));
            command.Parameters.AddWithValue("$b", message.Payload.ToArray());
            command.ExecuteNonQuery();
        }
    }

    private List<SentDownMessage> SentAfter(string storeId, IReadOnlyDictionary<string, long> marks)
    {
        var list = new List<SentDownMessage>();
        lock (database.Gate)
        {
            using var command = database.Connection.CreateCommand();
            command.CommandText = "SELECT kind, sequence, message_id, content_type, properties, payload FROM down_messages WHERE store_id = $s ORDER BY kind, sequence";
            command.Parameters.AddWithValue("$s", storeId);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var kind = reader.GetString(0);
                var sequence = reader.GetInt64(1);
                if (sequence > (marks.TryGetValue(kind, out var mark) ? mark : 0))
                {
                    list.Add(new SentDownMessage(kind, sequence, reader.GetString(2), reader.GetString(3),
                        JsonSerializer.Deserialize(reader.GetString(4), DownJsonContext.Default.ListStringArray) ?? [], (byte[])reader.GetValue(5)));
                }
            }
        }

        return list;
    }

    private long NextSequence(string storeId, string kind)
    {
        lock (database.Gate)
        {
            using var command = database.Connection.CreateCommand();
            command.CommandText = """
                INSERT INTO down_sequences (store_id, kind, last) VALUES ($s, $k, 1)
                ON CONFLICT (store_id, kind) DO UPDATE SET last = last + 1
                RETURNING last
                """;
            command.Parameters.AddWithValue("$s", storeId);
            command.Parameters.AddWithValue("$k", kind);
            return (long)command.ExecuteScalar()!;
        }
    }
}
