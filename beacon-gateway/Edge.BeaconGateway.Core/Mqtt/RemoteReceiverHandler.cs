using Edge.BeaconGateway.Remote;
using Edge.Messaging;

namespace Edge.BeaconGateway.Mqtt;

/// <summary>Remote receivers: ESPresense device reports and raw-advert relays, at QoS 0 (perishable).</summary>
public sealed class RemoteReceiverHandler(RemoteReceiverDecoder decoder, TimeProvider time) : ILocalBusHandler
{
    public IReadOnlyList<MqttSubscription> Subscriptions { get; } =
    [
        new MqttSubscription(RemoteTopics.EspresenseDevices, MqttQualityOfService.AtMostOnce),
        new MqttSubscription(RemoteTopics.RawAdverts, MqttQualityOfService.AtMostOnce),
    ];

    public ValueTask<bool> TryHandleAsync(MqttMessage message, CancellationToken cancellationToken)
    {
        if (!message.Topic.StartsWith(RemoteTopics.EspresensePrefix, StringComparison.Ordinal)
            && !message.Topic.StartsWith(RemoteTopics.RawPrefix, StringComparison.Ordinal))
        {
            return ValueTask.FromResult(false);
        }

        decoder.Handle(message.Topic, message.Payload.Span, time.GetUtcNow());
        return ValueTask.FromResult(true);
    }
}
