using System.Text.Json;
using Edge.Contracts.Cloud;
using Edge.Messaging;
using Edge.TestKit;

namespace Edge.CloudSync.Tests.Fixtures;

/// <summary>
/// Plays the loyalty cloud's consumer: a real MQTT 5 client on the cloud broker (mutual TLS) that subscribes
/// retail/v1/+/up/#, de-duplicates by message id as the cloud does, and records every first arrival in order.
/// </summary>
internal sealed class CloudConsumer : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<UpMessageSeen> _firsts = [];
    private readonly List<UpBatch> _batches = [];
    private readonly Task _pump;
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _total;

    private readonly bool _keepRaw;

    private CloudConsumer(IMqttClient client, bool keepRaw)
    {
        _client = client;
        _keepRaw = keepRaw;
        _pump = Task.Run(PumpAsync);
    }

    /// <param name="keepRaw">Keep every message and batch (for tests that inspect them); a million-event drain only counts.</param>
    public static async Task<CloudConsumer> StartAsync(CloudPki pki, int port, string clientId = "cloud-consumer", bool keepRaw = true)
    {
        var client = new MqttClientFactory().Create(new MqttClientOptions
        {
            Server = $"mqtts://127.0.0.1:{port}",
            ClientId = clientId,
            CaFile = pki.CaFile,
            ClientCertificateFile = pki.ConsumerCertificateFile,
            ClientKeyFile = pki.ConsumerKeyFile,
            CleanStart = false,
            SessionExpiry = TimeSpan.FromHours(1),
            InboundCapacity = 1_000_000,
            Reconnect = new MqttReconnectOptions { InitialDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(1) },
        });
        await client.ConnectAsync();
        await client.SubscribeAsync([new MqttSubscription("retail/v1/+/up/#")]);
        return new CloudConsumer(client, keepRaw);
    }

    /// <summary>Messages received in total, duplicates included.</summary>
    public long Total => Interlocked.Read(ref _total);

    public IReadOnlyList<UpMessageSeen> Firsts
    {
        get
        {
            lock (_seen)
            {
                return [.. _firsts];
            }
        }
    }

    public IReadOnlyList<UpBatch> Batches
    {
        get
        {
            lock (_seen)
            {
                return [.. _batches];
            }
        }
    }

    public IReadOnlyList<MqttMessage> Raw { get; } = new List<MqttMessage>();

    /// <summary>Waits until <paramref name="distinct"/> distinct messages arrived (a deadline, not a sleep).</summary>
    public async Task WaitForDistinctAsync(int distinct, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_seen)
            {
                if (_firsts.Count >= distinct)
                {
                    return;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"the cloud saw {Firsts.Count} distinct of {distinct} expected messages ({Total} with duplicates) within {timeout}");
            }
        }
    }

    private async Task PumpAsync()
    {
        try
        {
            await foreach (var m in _client.Messages.ReadAllAsync(_stop.Token))
            {
                var batch = JsonSerializer.Deserialize(m.Payload.Span, CloudJsonContext.Default.UpBatch)!;
                lock (_seen)
                {
                    if (_keepRaw)
                    {
                        ((List<MqttMessage>)Raw).Add(m);
                        _batches.Add(batch);
                    }

                    foreach (var u in batch.Messages)
                    {
                        Interlocked.Increment(ref _total);
                        if (_seen.Add(u.MessageId))
                        {
                            _firsts.Add(new UpMessageSeen(batch.Stream, u.MessageId, u.Sequence, m.MessageExpiry));
                        }
                    }

                    _changed.TrySetResult();
                    _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pump;
        await _client.DisposeAsync();
        _stop.Dispose();
    }
}

internal sealed record UpMessageSeen(string Stream, string MessageId, long Sequence, TimeSpan? Expiry);
