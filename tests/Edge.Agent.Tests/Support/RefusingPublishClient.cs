using System.Threading.Channels;
using Edge.Messaging;

namespace Edge.Agent.Tests.Support;

/// <summary>
/// A real MQTT client whose first <c>refusals</c> publishes on one topic fail with "not connected", as libmosquitto's
/// do before the first connection is up: for testing what a publisher does with a publish that never reached the bus.
/// Everything else goes to the real client; subscriptions are recorded. <see cref="Factory"/> puts it behind a service's <see cref="IMqttClientFactory"/>.
/// </summary>
internal sealed class RefusingPublishClient(IMqttClient inner, string topic, int refusals) : IMqttClient
{
    private readonly int _refusals = refusals;
    private readonly List<string> _subscribed = [];
    private int _left = refusals;

    public int Refused => _refusals - Math.Max(0, Volatile.Read(ref _left));

    public string ClientId => inner.ClientId;

    public string Endpoint => inner.Endpoint;

    public MqttConnectionState State => inner.State;

    public ChannelReader<MqttMessage> Messages => inner.Messages;

    public long DroppedInboundMessages => inner.DroppedInboundMessages;

    public event EventHandler<MqttConnectionStateChangedEventArgs>? StateChanged
    {
        add => inner.StateChanged += value;
        remove => inner.StateChanged -= value;
    }

    public static IMqttClientFactory Factory(IMqttClientFactory real, string topic, int refusals, Action<RefusingPublishClient> created) =>
        new RefusingFactory(real, topic, refusals, created);

    public Task ConnectAsync(CancellationToken cancellationToken = default) => inner.ConnectAsync(cancellationToken);

    public Task<MqttPublishResult> PublishAsync(MqttMessage message, CancellationToken cancellationToken = default) =>
        message.Topic == topic && Interlocked.Decrement(ref _left) >= 0
            ? Task.FromException<MqttPublishResult>(new MqttException("not connected"))
            : inner.PublishAsync(message, cancellationToken);

    /// <summary>Every topic filter subscribed, in order, one entry per filter in each SUBSCRIBE.</summary>
    public IReadOnlyList<string> SubscribedFilters
    {
        get
        {
            lock (_subscribed)
            {
                return [.. _subscribed];
            }
        }
    }

    public Task<IReadOnlyList<MqttQualityOfService>> SubscribeAsync(IReadOnlyList<MqttSubscription> subscriptions, CancellationToken cancellationToken = default)
    {
        lock (_subscribed)
        {
            _subscribed.AddRange(subscriptions.Select(s => s.TopicFilter));
        }

        return inner.SubscribeAsync(subscriptions, cancellationToken);
    }

    public Task UnsubscribeAsync(IReadOnlyList<string> topicFilters, CancellationToken cancellationToken = default) =>
        inner.UnsubscribeAsync(topicFilters, cancellationToken);

    public Task<MqttMessage> RequestAsync(MqttMessage request, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        inner.RequestAsync(request, timeout, cancellationToken);

    public Task DisconnectAsync(CancellationToken cancellationToken = default) => inner.DisconnectAsync(cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private sealed class RefusingFactory(IMqttClientFactory real, string topic, int refusals, Action<RefusingPublishClient> created) : IMqttClientFactory
    {
        public IMqttClient Create(MqttClientOptions options)
        {
            var client = new RefusingPublishClient(real.Create(options), topic, refusals);
            created(client);
            return client;
        }
    }
}
