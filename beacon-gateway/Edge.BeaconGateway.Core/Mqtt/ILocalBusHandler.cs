using Edge.Messaging;

namespace Edge.BeaconGateway.Mqtt;

/// <summary>One kind of message the gateway reads from the local bus; <see cref="LocalBusInbox"/> dispatches to it.</summary>
public interface ILocalBusHandler
{
    IReadOnlyList<MqttSubscription> Subscriptions { get; }

    /// <summary>False when the topic is not this handler's. Never throws for bad input: it counts and logs.</summary>
    ValueTask<bool> TryHandleAsync(MqttMessage message, CancellationToken cancellationToken);
}
