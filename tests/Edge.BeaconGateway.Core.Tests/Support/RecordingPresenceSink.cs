using Edge.BeaconGateway.Presence;
using Edge.Contracts.Presence;

namespace Edge.BeaconGateway.Tests.Support;

internal sealed class RecordingPresenceSink : IPresenceSink
{
    public List<PresenceEvent> Events { get; } = [];

    public List<StoreBeaconEvent> BeaconEvents { get; } = [];

    public void Publish(PresenceEvent presenceEvent)
    {
        lock (Events)
        {
            Events.Add(presenceEvent);
        }
    }

    public void Publish(StoreBeaconEvent beaconEvent)
    {
        lock (BeaconEvents)
        {
            BeaconEvents.Add(beaconEvent);
        }
    }
}
