using System.Globalization;
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
/// the hub reports rather than two messages with one number.
/// </summary>
internal sealed class DownPublisher(IMqttClient client, CloudDatabase database, DownSigningKey signingKey, TimeProvider time, ILogger<DownPublisher> logger)
{
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
        await client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
        CloudLog.DownSent(logger, storeId, kind, sequence);
        return (messageId, sequence);
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
