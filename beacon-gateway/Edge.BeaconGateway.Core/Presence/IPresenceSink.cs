using Edge.Contracts.Presence;

namespace Edge.BeaconGateway.Presence;

/// <summary>
/// Where presence and store-beacon events go. Called synchronously from the pipeline and its timers: an
/// implementation must not block (queue and publish elsewhere, see <see cref="ChannelPresenceSink"/>).
/// </summary>
public interface IPresenceSink
{
    void Publish(PresenceEvent presenceEvent);

    void Publish(StoreBeaconEvent beaconEvent);
}
