using System.Threading.Channels;
using Edge.Contracts.Presence;

namespace Edge.BeaconGateway.Presence;

/// <summary>
/// Queues events for an asynchronous publisher (the MQTT adapter reads <see cref="Reader"/>). Bounded: if the bus is
/// down for long the oldest events are dropped rather than growing without limit (presence is perishable).
/// </summary>
public sealed class ChannelPresenceSink : IPresenceSink
{
    private readonly Channel<object> _channel;

    public ChannelPresenceSink(int capacity = 10_000)
    {
        _channel = Channel.CreateBounded<object>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
    }

    /// <summary>Items are <see cref="PresenceEvent"/> or <see cref="StoreBeaconEvent"/>.</summary>
    public ChannelReader<object> Reader => _channel.Reader;

    public void Publish(PresenceEvent presenceEvent) => _channel.Writer.TryWrite(presenceEvent);

    public void Publish(StoreBeaconEvent beaconEvent) => _channel.Writer.TryWrite(beaconEvent);
}
