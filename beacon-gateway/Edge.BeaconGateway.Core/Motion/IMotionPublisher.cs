using Edge.Contracts.Motion;

namespace Edge.BeaconGateway.Motion;

/// <summary>Where the tracker's zone states and footfall go (the local bus in the service; a list in tests).</summary>
public interface IMotionPublisher
{
    void Publish(ZoneMotion motion);

    void Publish(ZoneFootfall footfall);
}
