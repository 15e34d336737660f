namespace Edge.Messaging.Client;

/// <summary>A publish held in order until the network thread opens sending after a (re)connect.</summary>
internal sealed class HeldPublish(MqttMessage message, PendingAck pending)
{
    public MqttMessage Message { get; } = message;

    public PendingAck Pending { get; } = pending;

    /// <summary>The packet id once handed to libmosquitto, or the reason it could not be.</summary>
    public TaskCompletionSource<int> Sent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
