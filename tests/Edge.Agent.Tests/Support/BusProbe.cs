using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Edge.Messaging;
using Edge.TestKit;

namespace Edge.Agent.Tests.Support;

/// <summary>A test's own MQTT client on the real broker: publishes what other services would, and waits for what the agent sends.</summary>
internal sealed class BusProbe : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly List<MqttMessage> _unmatched = [];

    private BusProbe(IMqttClient client) => _client = client;

    public static async Task<BusProbe> ConnectAsync(MosquittoBroker broker, params string[] filters)
    {
        var client = new MqttClientFactory().Create(new MqttClientOptions { Server = broker.Uri });
        await client.ConnectAsync();
        if (filters.Length > 0)
        {
            await client.SubscribeAsync(filters.Select(f => new MqttSubscription(f, MqttQualityOfService.AtLeastOnce)).ToArray());
        }

        return new BusProbe(client);
    }

    public Task PublishAsync<T>(string topic, T message, JsonTypeInfo<T> type) =>
        _client.PublishAsync(new MqttMessage(topic, JsonSerializer.SerializeToUtf8Bytes(message, type)));

    /// <summary>A member delta as cloud-sync forwards it once accepted: a <see cref="Edge.Contracts.Cloud.LocalDownEvent"/> on store/down/member-delta.</summary>
    public Task PublishDeltaAsync(Edge.Contracts.Agent.MemberDelta delta) =>
        PublishAsync(
            MemberDeltaTopic,
            new Edge.Contracts.Cloud.LocalDownEvent(
                $"member-delta:{delta.Sequence}", Edge.Contracts.Cloud.DownKinds.MemberDelta, delta.Sequence, DateTimeOffset.UnixEpoch,
                JsonSerializer.SerializeToElement(delta, Edge.Contracts.Agent.AgentBusJsonContext.Default.MemberDelta)),
            Edge.Contracts.Cloud.CloudJsonContext.Default.LocalDownEvent);

    public static string MemberDeltaTopic => Edge.Contracts.Cloud.CloudTopics.LocalDownFor(Edge.Contracts.Cloud.DownKinds.MemberDelta);

    public Task PublishRawAsync(string topic, string payload) => _client.PublishAsync(MqttMessage.FromString(topic, payload));

    /// <summary>The next message on a topic matching <paramref name="filter"/>, or a TimeoutException after <paramref name="timeout"/>.</summary>
    public async Task<MqttMessage> NextAsync(string filter, TimeSpan timeout, Func<MqttMessage, bool>? where = null)
    {
        var earlier = _unmatched.FindIndex(m => MqttTopicFilter.Matches(filter, m.Topic) && (where is null || where(m)));
        if (earlier >= 0)
        {
            var found = _unmatched[earlier];
            _unmatched.RemoveAt(earlier);
            return found;
        }

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await foreach (var message in _client.Messages.ReadAllAsync(cts.Token))
            {
                if (MqttTopicFilter.Matches(filter, message.Topic) && (where is null || where(message)))
                {
                    return message;
                }

                _unmatched.Add(message);
            }
        }
        catch (OperationCanceledException)
        {
        }

        throw new TimeoutException($"No message on '{filter}' within {timeout}.");
    }

    public async ValueTask DisposeAsync() => await _client.DisposeAsync();
}
