using Edge.Messaging;

namespace Edge.Agent.Bus;

/// <summary>Handles messages of one topic filter on the local bus. Must not throw for bad input: count and log it.</summary>
internal interface IBusHandler
{
    string TopicFilter { get; }

    Task HandleAsync(MqttMessage message, CancellationToken cancellationToken);
}
