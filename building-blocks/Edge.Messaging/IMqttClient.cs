using System.Threading.Channels;

namespace Edge.Messaging;

/// <summary>
/// An MQTT client: the one seam between Store Edge and the MQTT library underneath (libmosquitto today,
/// MQTTnet once the registry serves it). Every method is safe to call from any thread.
/// </summary>
public interface IMqttClient : IAsyncDisposable
{
    /// <summary>The client identifier sent in CONNECT (generated when the options leave it empty).</summary>
    string ClientId { get; }

    /// <summary>The broker endpoint, for logs and errors (mqtt://host:port or mqtts://host:port).</summary>
    string Endpoint { get; }

    MqttConnectionState State { get; }

    /// <summary>Raised on a thread-pool thread, in order, never on the network thread.</summary>
    event EventHandler<MqttConnectionStateChangedEventArgs>? StateChanged;

    /// <summary>
    /// Received application messages, in arrival order. The channel is bounded
    /// (<see cref="MqttClientOptions.InboundCapacity"/>); when it is full the policy
    /// <see cref="MqttClientOptions.InboundFullMode"/> decides, and every dropped message is counted in
    /// <see cref="DroppedInboundMessages"/>. Responses to <see cref="RequestAsync"/> never appear here.
    /// </summary>
    ChannelReader<MqttMessage> Messages { get; }

    /// <summary>Messages dropped because <see cref="Messages"/> was full.</summary>
    long DroppedInboundMessages { get; }

    /// <summary>
    /// Connects once and completes on a successful CONNACK. Throws <see cref="MqttException"/> naming the
    /// endpoint and the cause (socket error, TLS error, CONNACK reason code) when this first attempt fails;
    /// the client can then be connected again. After the first success, lost connections are re-established
    /// automatically with backoff and jitter, and subscriptions are restored.
    /// </summary>
    Task ConnectAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Publishes a message. QoS 0 completes when the message is written to the socket, QoS 1 on PUBACK and QoS 2
    /// on PUBCOMP. A failure reason code from the broker throws <see cref="MqttException"/> with
    /// <see cref="MqttException.ReasonCode"/>. While disconnected, <see cref="MqttClientOptions.OfflinePublish"/> decides.
    /// </summary>
    Task<MqttPublishResult> PublishAsync(MqttMessage message, CancellationToken cancellationToken = default);

    /// <summary>Subscribes and completes on SUBACK; a refused filter throws <see cref="MqttException"/> with its reason code.</summary>
    Task<IReadOnlyList<MqttQualityOfService>> SubscribeAsync(IReadOnlyList<MqttSubscription> subscriptions, CancellationToken cancellationToken = default);

    /// <summary>Unsubscribes and completes on UNSUBACK; the filters are no longer restored after a reconnect.</summary>
    Task UnsubscribeAsync(IReadOnlyList<string> topicFilters, CancellationToken cancellationToken = default);

    /// <summary>
    /// MQTT 5 request/response: publishes <paramref name="request"/> with this client's response topic and a fresh
    /// correlation id (unless the request already has them) and returns the first message that comes back on the
    /// response topic with the same correlation data. Throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.
    /// </summary>
    Task<MqttMessage> RequestAsync(MqttMessage request, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>Sends DISCONNECT (the will is not published) and stops reconnecting. The client can connect again.</summary>
    Task DisconnectAsync(CancellationToken cancellationToken = default);
}
