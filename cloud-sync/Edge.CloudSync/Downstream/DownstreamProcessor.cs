using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Edge.CloudSync.Connection;
using Edge.CloudSync.Outbox;
using Edge.Contracts.Cloud;
using Edge.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Edge.CloudSync.Downstream;

/// <summary>
/// Cloud -> hub. Subscribes retail/v1/{store}/down/# and cmd/# on the persistent business session and handles one
/// message at a time (so each kind is applied in order): checks it (<see cref="DownValidator"/>), drops a duplicate
/// message id silently (applied once), refuses a sequence that is not the next one for its kind, records acceptance in
/// the inbox before applying, forwards to store/down/{kind} for edge-agent, then marks it applied. Every refusal goes
/// to the dead-letter table with its reason and counts towards the fleet alarm; nothing refused is applied.
/// </summary>
internal sealed class DownstreamProcessor(
    CloudBus cloud,
    LocalBus local,
    InboxStore inbox,
    OutboxStore outbox,
    DownstreamCounters counters,
    IOptions<DownstreamOptions> options,
    ILogger<DownstreamProcessor> logger) : BackgroundService
{
    private readonly DownstreamOptions _o = options.Value;
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once down/# and cmd/# are subscribed.</summary>
    public Task Subscribed => _subscribed.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (cloud.Link is not { } link)
        {
            return;
        }

        using var key = LoadSigningKey();
        try
        {
            await local.Link.WhenConnectedAsync(stoppingToken).ConfigureAwait(false);
            foreach (var pending in inbox.Unapplied())
            {
                await ApplyAsync(pending, stoppingToken).ConfigureAwait(false);
            }

            await link.WhenConnectedAsync(stoppingToken).ConfigureAwait(false);
            var store = cloud.Cloud.StoreId;
            await link.Client.SubscribeAsync(
                [new MqttSubscription(CloudTopics.DownFilter(store)), new MqttSubscription(CloudTopics.CommandFilter(store))],
                stoppingToken).ConfigureAwait(false);
            _subscribed.TrySetResult();
            await foreach (var m in link.Client.Messages.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                if (m.Topic.StartsWith(CloudTopics.StoreRoot(store) + "/cmd/", StringComparison.Ordinal))
                {
                    await AnswerAsync(link.Client, m, stoppingToken).ConfigureAwait(false);
                }
                else
                {
                    await HandleAsync(m, key, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task HandleAsync(MqttMessage m, ECDsa? key, CancellationToken cancellationToken)
    {
        if (!DownValidator.TryParse(m, cloud.Cloud.StoreId, key, out var message, out var reason))
        {
            Reject(m, m.GetUserProperty(DownProperties.MessageId), reason);
            return;
        }

        if (inbox.Contains(message!.MessageId))
        {
            counters.CountDuplicate();
            return;
        }

        var expected = inbox.LastSequence(message.Kind) + 1;
        if (message.Sequence != expected)
        {
            Reject(m, message.MessageId, $"out-of-order: {message.Kind} expected sequence {expected}, got {message.Sequence}");
            return;
        }

        inbox.Accept(message);
        await ApplyAsync(message, cancellationToken).ConfigureAwait(false);
    }

    private async Task ApplyAsync(DownMessage message, CancellationToken cancellationToken)
    {
        if (message.Kind == DownKinds.ModelBundle)
        {
            if (message.Chunk is { } chunk)
            {
                await CompleteBundleAsync(message, chunk, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            await ForwardAsync(message, message.Payload, cancellationToken).ConfigureAwait(false);
        }

        inbox.MarkApplied(message.MessageId);
        counters.CountApplied();
    }

    /// <summary>When the last chunk of a bundle is in: check size and sha256, write the file, tell edge-agent.</summary>
    private async Task CompleteBundleAsync(DownMessage message, BundleChunk chunk, CancellationToken cancellationToken)
    {
        if (inbox.BundleBytes(chunk.BundleId) > _o.MaxBundleBytes)
        {
            inbox.DeleteChunks(chunk.BundleId);
            Reject(CloudTopics.Down(cloud.Cloud.StoreId, message.Kind), message.MessageId, $"too-large: bundle {chunk.BundleId} exceeds {_o.MaxBundleBytes} bytes", []);
            return;
        }

        if (inbox.Chunks(chunk.BundleId, chunk.Count) is not { } parts)
        {
            return;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var p in parts)
        {
            hash.AppendData(p);
        }

        var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
        if (actual != chunk.Sha256)
        {
            inbox.DeleteChunks(chunk.BundleId);
            Reject(CloudTopics.Down(cloud.Cloud.StoreId, message.Kind), message.MessageId, $"bundle-hash-mismatch: bundle {chunk.BundleId} has sha256 {actual}, expected {chunk.Sha256}", []);
            return;
        }

        Directory.CreateDirectory(_o.BundleDirectory);
        var path = Path.Combine(_o.BundleDirectory, chunk.BundleId + ".bundle");
        var temp = path + ".part";
        await using (var file = File.Create(temp))
        {
            foreach (var p in parts)
            {
                await file.WriteAsync(p, cancellationToken).ConfigureAwait(false);
            }

            file.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
        var ready = new ModelBundleReady(chunk.BundleId, path, actual, parts.Sum(p => (long)p.Length));
        await ForwardAsync(message, JsonSerializer.SerializeToUtf8Bytes(ready, CloudJsonContext.Default.ModelBundleReady), cancellationToken).ConfigureAwait(false);
        inbox.DeleteChunks(chunk.BundleId);
    }

    private async Task ForwardAsync(DownMessage message, byte[] body, CancellationToken cancellationToken)
    {
        using var doc = JsonDocument.Parse(body);
        var e = new LocalDownEvent(message.MessageId, message.Kind, message.Sequence, message.IssuedAt, doc.RootElement);
        var payload = JsonSerializer.SerializeToUtf8Bytes(e, CloudJsonContext.Default.LocalDownEvent);
        await local.Link.Client.PublishAsync(
            new MqttMessage(CloudTopics.LocalDownFor(message.Kind), payload) { Qos = MqttQualityOfService.AtLeastOnce, ContentType = "application/json", PayloadIsUtf8 = true },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task AnswerAsync(IMqttClient client, MqttMessage m, CancellationToken cancellationToken)
    {
        counters.CountCommand();
        if (string.IsNullOrEmpty(m.ResponseTopic))
        {
            Reject(m, null, "not-a-request: commands need a response topic");
            return;
        }

        var name = m.Topic[(m.Topic.LastIndexOf('/') + 1)..];
        var response = name switch
        {
            "ping" => new CommandResponse(CommandResponse.Ok, null, Json(w =>
            {
                w.WriteString("storeId", cloud.Cloud.StoreId);
                w.WriteString("hubId", cloud.Cloud.HubId);
            })),
            "outbox-stats" => new CommandResponse(CommandResponse.Ok, null, Json(w =>
            {
                w.WriteStartArray("streams");
                foreach (var s in outbox.Stats().Streams)
                {
                    w.WriteStartObject();
                    w.WriteString("stream", s.Stream);
                    w.WriteNumber("depth", s.Depth);
                    w.WriteNumber("ackedSequence", s.AckedSequence);
                    w.WriteNumber("dropped", s.Dropped);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            })),
            _ => new CommandResponse(CommandResponse.Unknown, $"'{name}' is not a command of cloud-sync (ping, outbox-stats)"),
        };
        var payload = JsonSerializer.SerializeToUtf8Bytes(response, CloudJsonContext.Default.CommandResponse);
        await client.PublishAsync(m.CreateResponse(payload) with { ContentType = "application/json", PayloadIsUtf8 = true, Qos = MqttQualityOfService.AtLeastOnce }, cancellationToken).ConfigureAwait(false);
    }

    private static JsonElement Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            write(w);
            w.WriteEndObject();
        }

        using var doc = JsonDocument.Parse(buffer.WrittenMemory);
        return doc.RootElement.Clone();
    }

    private void Reject(MqttMessage m, string? messageId, string reason) => Reject(m.Topic, messageId, reason, m.Payload.Span);

    private void Reject(string topic, string? messageId, string reason, ReadOnlySpan<byte> payload)
    {
        // Oversized payloads are not kept whole: the reason and the first KiB are enough to investigate.
        inbox.DeadLetter(topic, messageId, reason, payload.Length > 1024 ? payload[..1024] : payload);
        counters.CountRejected(DownValidator.Code(reason));
        CloudSyncLog.DownstreamRejected(logger, topic, messageId ?? "-", reason);
    }

    private ECDsa? LoadSigningKey()
    {
        if (string.IsNullOrEmpty(_o.SigningPublicKeyFile))
        {
            return null;
        }

        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(_o.SigningPublicKeyFile));
        return key;
    }
}
