using System.Text;
using Edge.Contracts.Cloud;
using Edge.Messaging;
using Edge.TestKit;

namespace Edge.CloudSync.Tests.Fixtures;

/// <summary>Plays edge-agent: publishes OutboxEvent envelopes to store/outbox/{stream} on the real local broker at QoS 1.</summary>
internal sealed class LocalProducer : IAsyncDisposable
{
    private readonly IMqttClient _client;

    private LocalProducer(IMqttClient client) => _client = client;

    public static async Task<LocalProducer> StartAsync(MosquittoBroker local)
    {
        var client = new MqttClientFactory().Create(new MqttClientOptions { Server = local.Uri, MaxInflight = 1000 });
        await client.ConnectAsync();
        return new LocalProducer(client);
    }

    public static byte[] Envelope(string messageId, string type = "coupon.redeemed", DateTimeOffset? expiresAt = null, string body = """{"n":1}""")
    {
        var expiry = expiresAt is { } x ? $",\"expiresAt\":\"{x:O}\"" : string.Empty;
        return Encoding.UTF8.GetBytes($"{{\"messageId\":\"{messageId}\",\"type\":\"{type}\",\"occurredAt\":\"2026-11-23T09:00:00Z\",\"body\":{body}{expiry}}}");
    }

    public Task PublishAsync(string stream, string messageId, DateTimeOffset? expiresAt = null) =>
        PublishRawAsync(CloudTopics.LocalOutboxFor(stream), Envelope(messageId, expiresAt: expiresAt));

    public Task PublishRawAsync(string topic, byte[] payload) =>
        _client.PublishAsync(new MqttMessage(topic, payload) { Qos = MqttQualityOfService.AtLeastOnce });

    /// <summary>Publishes <paramref name="count"/> events per stream, interleaved, ids "{stream}-{i}", with up to 500 in flight.</summary>
    public async Task PublishManyAsync(IReadOnlyList<string> streams, int count)
    {
        var inFlight = new List<Task>(1000);
        for (var i = 0; i < count; i++)
        {
            foreach (var s in streams)
            {
                inFlight.Add(PublishAsync(s, $"{s}-{i}"));
            }

            if (inFlight.Count >= 500)
            {
                await Task.WhenAll(inFlight);
                inFlight.Clear();
            }
        }

        await Task.WhenAll(inFlight);
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();
}
