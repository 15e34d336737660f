namespace Edge.BeaconGateway.Motion;

/// <summary>Where motion edges come from: the hub's GPIO lines (libgpiod) or a simulation. One reader.</summary>
public interface IMotionSensors : IAsyncDisposable
{
    IAsyncEnumerable<MotionEdge> ReadAllAsync(CancellationToken cancellationToken);
}
